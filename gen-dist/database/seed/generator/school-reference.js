"use strict";
/**
 * Reference data of a typical Russian school: bell schedules, kinds of work with their weights
 * (as a school's regulation on the weighted average mark names them), positions and subjects.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUBJECT_TEACHERS = exports.CURRICULUM_SUBJECTS = exports.PRIMARY_SUBJECTS = exports.POSITIONS = exports.LESSON_MINUTES = void 0;
exports.buildBells = buildBells;
exports.buildBellSchedules = buildBellSchedules;
exports.buildMarkTypes = buildMarkTypes;
exports.LESSON_MINUTES = 40;
function hhmm(minutes) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
/** Bells from a start time, lesson length and the breaks after each lesson but the last. */
function buildBells(startsAt, breaks, lessonMinutes = exports.LESSON_MINUTES) {
    const [h, m] = startsAt.split(':').map(Number);
    let t = h * 60 + m;
    const bells = [];
    for (let i = 0; i <= breaks.length; i++) {
        bells.push({ lessonNumber: i + 1, startsAt: hhmm(t), endsAt: hhmm(t + lessonMinutes) });
        t += lessonMinutes + (breaks[i] ?? 0);
    }
    return bells;
}
/** «1 смена»: 7 lessons from 08:00, two long breaks for meals; «2 смена»: 6 lessons from 13:30. */
function buildBellSchedules() {
    return [
        { name: '1 смена', isDefault: true, bells: buildBells('08:00', [10, 20, 20, 10, 10, 10]) },
        { name: '2 смена', isDefault: false, bells: buildBells('13:30', [10, 20, 20, 10, 10]) },
    ];
}
function buildMarkTypes() {
    return [
        { code: 'oral_answer', name: 'Ответ на уроке', shortName: 'Отв', weight: 1, category: 'oral' },
        { code: 'independent_work', name: 'Самостоятельная работа', shortName: 'С/р', weight: 1, category: 'written' },
        { code: 'homework', name: 'Домашняя работа', shortName: 'Д/з', weight: 1, category: 'homework' },
        { code: 'control_work', name: 'Контрольная работа', shortName: 'К/р', weight: 2, category: 'control' },
        { code: 'laboratory_work', name: 'Лабораторная работа', shortName: 'Л/р', weight: 1.5, category: 'laboratory' },
        { code: 'practical_work', name: 'Практическая работа', shortName: 'П/р', weight: 1.5, category: 'practical' },
        { code: 'dictation', name: 'Диктант', shortName: 'Дикт', weight: 1.5, category: 'written' },
        { code: 'essay', name: 'Сочинение', shortName: 'Соч', weight: 2, category: 'written' },
        { code: 'summary', name: 'Изложение', shortName: 'Изл', weight: 1.5, category: 'written' },
        { code: 'check_work', name: 'Проверочная работа', shortName: 'Пр/р', weight: 1.5, category: 'written' },
        { code: 'test', name: 'Тест', shortName: 'Тест', weight: 1, category: 'written' },
    ];
}
/** Non-teaching and administrative positions (должности). */
exports.POSITIONS = {
    director: 'Директор',
    deputyAcademic: 'Заместитель директора по УВР',
    deputyEducational: 'Заместитель директора по ВР',
    secretary: 'Секретарь',
    journalAdmin: 'Администратор ЭЖ',
    librarian: 'Педагог-библиотекарь',
    psychologist: 'Педагог-психолог',
    socialPedagogue: 'Социальный педагог',
    speechTherapist: 'Учитель-логопед',
    organizer: 'Педагог-организатор',
    caretaker: 'Заведующий хозяйством',
    primaryTeacher: 'Учитель начальных классов',
};
/** Subjects taught by a primary-school teacher (the class teacher of grades 1–4). */
exports.PRIMARY_SUBJECTS = ['Русский язык', 'Литературное чтение', 'Математика', 'Окружающий мир'];
/** Subjects of grades 5–11 that the school must have teachers for. */
exports.CURRICULUM_SUBJECTS = [
    'Русский язык', 'Литература', 'Математика', 'Алгебра', 'Геометрия', 'Информатика', 'История',
    'Обществознание', 'География', 'Биология', 'Физика', 'Химия', 'Английский язык', 'Немецкий язык',
    'Музыка', 'ИЗО', 'Технология', 'Физическая культура', 'ОБЖ',
];
/** Subject teachers of grades 5–11 (and the specialists who also teach primary classes). */
exports.SUBJECT_TEACHERS = [
    { key: 'russian', position: 'Учитель русского языка и литературы', subjects: ['Русский язык', 'Литература'], min: 6, max: 9, female: 0.96 },
    { key: 'math', position: 'Учитель математики', subjects: ['Математика', 'Алгебра', 'Геометрия'], min: 5, max: 8, female: 0.86 },
    { key: 'informatics', position: 'Учитель информатики', subjects: ['Информатика'], min: 1, max: 3, female: 0.5 },
    { key: 'history', position: 'Учитель истории и обществознания', subjects: ['История', 'Обществознание'], min: 3, max: 5, female: 0.7 },
    { key: 'geography', position: 'Учитель географии', subjects: ['География'], min: 1, max: 2, female: 0.85 },
    { key: 'biology', position: 'Учитель биологии', subjects: ['Биология'], min: 1, max: 2, female: 0.9 },
    { key: 'chemistry', position: 'Учитель химии', subjects: ['Химия'], min: 1, max: 2, female: 0.85 },
    { key: 'physics', position: 'Учитель физики', subjects: ['Физика'], min: 2, max: 3, female: 0.6 },
    { key: 'english', position: 'Учитель английского языка', subjects: ['Английский язык'], min: 4, max: 7, female: 0.95 },
    { key: 'german', position: 'Учитель немецкого языка', subjects: ['Немецкий язык'], min: 1, max: 2, female: 0.95 },
    { key: 'music', position: 'Учитель музыки', subjects: ['Музыка'], min: 1, max: 1, female: 0.85 },
    { key: 'art', position: 'Учитель изобразительного искусства', subjects: ['ИЗО'], min: 1, max: 1, female: 0.9 },
    { key: 'technology', position: 'Учитель технологии', subjects: ['Технология'], min: 2, max: 2, female: 0.5 },
    { key: 'pe', position: 'Учитель физической культуры', subjects: ['Физическая культура'], min: 3, max: 5, female: 0.45 },
    { key: 'safety', position: 'Учитель ОБЖ', subjects: ['ОБЖ'], min: 1, max: 1, female: 0.25 },
];
//# sourceMappingURL=school-reference.js.map