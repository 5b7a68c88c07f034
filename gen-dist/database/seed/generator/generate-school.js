"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LIMITS = exports.CLASS_LETTERS = exports.SCHOOL_TIME_ZONE = exports.currentAcademicStartYear = void 0;
exports.generateSchool = generateSchool;
/**
 * Deterministic generator of a realistic Russian school (≈1,100 pupils, ≈70 staff) for seeding and
 * benchmarks. Same options → deeply equal output; no clock, no Math.random, no process time zone.
 */
const dates_1 = require("./dates");
const random_1 = require("./random");
const russian_names_1 = require("./russian-names");
const school_calendar_1 = require("./school-calendar");
const school_reference_1 = require("./school-reference");
var school_calendar_2 = require("./school-calendar");
Object.defineProperty(exports, "currentAcademicStartYear", { enumerable: true, get: function () { return school_calendar_2.currentAcademicStartYear; } });
exports.SCHOOL_TIME_ZONE = 'Asia/Krasnoyarsk';
exports.CLASS_LETTERS = ['А', 'Б', 'В', 'Г'];
/** Ranges the generator guarantees (and the tests check). */
exports.LIMITS = {
    students: { min: 1000, max: 1200 },
    staff: { min: 65, max: 75 },
    classSize: { min: 20, max: 30 },
    capacity: { min: 25, max: 30 },
};
const STREETS = [
    'ул. Ленина', 'ул. Карла Маркса', 'пр-т Мира', 'ул. Партизана Железняка', 'ул. 9 Мая', 'пр-т Металлургов',
    'ул. Взлётная', 'ул. Алексеева', 'ул. Молокова', 'ул. Урванцева', 'ул. Щорса', 'ул. Семафорная',
    'ул. Матросова', 'ул. Кутузова', 'пр-т Свободный', 'ул. Академика Киренского', 'ул. Весны',
    'ул. Белинского', 'ул. Судостроительная', 'ул. Краснодарская',
];
function generateSchool(o) {
    if (!Number.isSafeInteger(o.seed))
        throw new RangeError(`seed must be a safe integer, got ${o.seed}`);
    if (o.schoolNumber !== undefined && (!Number.isInteger(o.schoolNumber) || o.schoolNumber < 1 || o.schoolNumber > 9999)) {
        throw new RangeError(`schoolNumber must be an integer 1…9999, got ${o.schoolNumber}`);
    }
    const root = new random_1.Random(o.seed);
    const calendar = (0, school_calendar_1.buildSchoolCalendar)(o.startYear);
    const schoolNumber = o.schoolNumber ?? root.fork('school-number').int(1, 160);
    const classPlans = planClasses(root.fork('classes'));
    const staffDrafts = planStaff(root.fork('staff-plan'), classPlans);
    const staff = createStaff(root.fork('staff'), staffDrafts, o.startYear);
    const teachers = assignClassTeachers(root.fork('class-teachers'), classPlans, staffDrafts);
    const classes = classPlans.map((c, i) => ({
        grade: c.grade,
        letter: c.letter,
        name: `${c.grade}${c.letter}`,
        shift: c.shift,
        capacity: c.capacity,
        classTeacherStaffIndex: teachers[i] ?? null,
    }));
    return {
        school: buildSchoolInfo(root.fork('school'), schoolNumber),
        ...calendar,
        bellSchedules: (0, school_reference_1.buildBellSchedules)(),
        markTypes: (0, school_reference_1.buildMarkTypes)(),
        staff,
        classes,
        students: createStudents(root.fork('students'), classPlans, o.startYear),
    };
}
function buildSchoolInfo(rng, n) {
    const postcode = `660${String(rng.int(0, 135)).padStart(3, '0')}`;
    return {
        name: `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${n}»`,
        shortName: `МБОУ СШ № ${n}`,
        timeZone: exports.SCHOOL_TIME_ZONE,
        address: `${postcode}, Красноярский край, г. Красноярск, ${rng.pick(STREETS)}, д. ${rng.int(1, 120)}`,
    };
}
const maxSize = (grade) => (grade >= 10 ? 28 : exports.LIMITS.classSize.max);
/**
 * 37–40 classes: two parallels in grades 10–11, three or four in grades 1–9; 26–28.5 pupils a class
 * on average, 1,010–1,140 pupils in all. Grades 2–4 partly study in the 2nd shift.
 */
function planClasses(rng) {
    const classCount = rng.int(37, 40);
    const total = rng.int(Math.max(1010, 26 * classCount), Math.min(1170, Math.floor(28.5 * classCount)));
    const fourParallels = new Set(rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, classCount - 31));
    const plans = [];
    for (let grade = 1; grade <= 11; grade++) {
        const parallels = grade >= 10 ? 2 : fourParallels.has(grade) ? 4 : 3;
        const secondShift = grade >= 2 && grade <= 4 ? rng.int(1, 2) : 0;
        for (let i = 0; i < parallels; i++) {
            plans.push({
                grade,
                letter: exports.CLASS_LETTERS[i],
                size: grade >= 10 ? rng.int(20, 26) : rng.int(24, 29),
                capacity: 0,
                shift: i >= parallels - secondShift ? 2 : 1,
            });
        }
    }
    // Nudge random classes one pupil at a time until the school has exactly `total` pupils.
    let sum = plans.reduce((s, c) => s + c.size, 0);
    while (sum !== total) {
        const c = rng.pick(plans);
        if (sum < total && c.size < maxSize(c.grade)) {
            c.size++;
            sum++;
        }
        else if (sum > total && c.size > exports.LIMITS.classSize.min) {
            c.size--;
            sum--;
        }
    }
    for (const c of plans)
        c.capacity = Math.max(c.size, rng.int(exports.LIMITS.capacity.min, exports.LIMITS.capacity.max));
    return plans;
}
const spec = (key) => {
    const s = school_reference_1.SUBJECT_TEACHERS.find((t) => t.key === key);
    if (!s)
        throw new Error(`unknown subject teacher spec ${key}`);
    return s;
};
/** An administrator who also teaches a subject (as most directors and deputies in Russia do). */
function alsoTeaches(rng, draft, p, keys) {
    if (!rng.chance(p))
        return draft;
    const s = spec(rng.pick(keys));
    return { ...draft, positions: [...draft.positions, s.position], subjects: [...s.subjects] };
}
/** Extra teachers are added to (or removed from) these groups to reach the target head count. */
const FLEXIBLE = {
    russian: 3, math: 3, english: 3, primary: 2, history: 1, pe: 1, informatics: 0.5, physics: 0.5,
    geography: 0.3, biology: 0.3, chemistry: 0.3, german: 0.3,
};
function planStaff(rng, classes) {
    const primaryClasses = classes.filter((c) => c.grade <= 4).length;
    const admin = [];
    admin.push(alsoTeaches(rng, { kind: 'admin', positions: [school_reference_1.POSITIONS.director], subjects: [], female: 0.7, age: [42, 63] }, 0.5, ['russian', 'math', 'history', 'physics', 'chemistry', 'geography', 'biology']));
    const deputies = rng.int(2, 3);
    admin.push(alsoTeaches(rng, { kind: 'admin', positions: [school_reference_1.POSITIONS.deputyAcademic], subjects: [], female: 0.9, age: [34, 62] }, 0.8, ['russian', 'math', 'history', 'english', 'physics']));
    admin.push(alsoTeaches(rng, { kind: 'admin', positions: [school_reference_1.POSITIONS.deputyEducational], subjects: [], female: 0.9, age: [28, 56] }, 0.5, ['history', 'music', 'art', 'english']));
    if (deputies === 3) {
        // the second academic deputy usually looks after the primary school and teaches in it
        const d = { kind: 'admin', positions: [school_reference_1.POSITIONS.deputyAcademic], subjects: [], female: 0.97, age: [36, 62] };
        if (rng.chance(0.6)) {
            d.positions.push(school_reference_1.POSITIONS.primaryTeacher);
            d.subjects = [...school_reference_1.PRIMARY_SUBJECTS];
        }
        admin.push(d);
    }
    admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.secretary], subjects: [], female: 0.97, age: [20, 60] });
    admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.journalAdmin], subjects: [], female: 0.55, age: [22, 45] });
    admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.librarian], subjects: [], female: 0.97, age: [30, 66] });
    admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.psychologist], subjects: [], female: 0.92, age: [24, 55] });
    if (rng.chance(0.9))
        admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.socialPedagogue], subjects: [], female: 0.95, age: [25, 60] });
    if (rng.chance(0.6))
        admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.speechTherapist], subjects: [], female: 1, age: [26, 62] });
    if (rng.chance(0.7))
        admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.organizer], subjects: [], female: 0.8, age: [21, 40] });
    admin.push({ kind: 'admin', positions: [school_reference_1.POSITIONS.caretaker], subjects: [], female: 0.5, age: [35, 64] });
    // Head counts per group: primary teachers ≥ primary classes, subject teachers within their spec.
    const count = new Map();
    const min = new Map();
    const max = new Map();
    count.set('primary', primaryClasses + rng.int(0, 1));
    min.set('primary', primaryClasses);
    max.set('primary', primaryClasses + 4);
    for (const s of school_reference_1.SUBJECT_TEACHERS) {
        count.set(s.key, rng.int(s.min, Math.ceil((s.min + s.max) / 2)));
        min.set(s.key, s.min);
        max.set(s.key, s.max);
    }
    const target = rng.int(exports.LIMITS.staff.min + 1, exports.LIMITS.staff.max - 1);
    const headCount = () => admin.length + [...count.values()].reduce((a, b) => a + b, 0);
    const groups = Object.keys(FLEXIBLE);
    while (headCount() !== target) {
        const grow = headCount() < target;
        const candidates = groups.filter((k) => (grow ? (count.get(k) ?? 0) < (max.get(k) ?? 0) : (count.get(k) ?? 0) > (min.get(k) ?? 0)));
        if (candidates.length === 0)
            break;
        const k = rng.weighted(candidates, (key) => FLEXIBLE[key] ?? 0);
        count.set(k, (count.get(k) ?? 0) + (grow ? 1 : -1));
    }
    const drafts = [...admin];
    for (let i = 0; i < (count.get('primary') ?? 0); i++) {
        drafts.push({ kind: 'primary', positions: [school_reference_1.POSITIONS.primaryTeacher], subjects: [...school_reference_1.PRIMARY_SUBJECTS], female: 0.98 });
    }
    for (const s of school_reference_1.SUBJECT_TEACHERS) {
        for (let i = 0; i < (count.get(s.key) ?? 0); i++) {
            const draft = { kind: 'subject', specKey: s.key, positions: [s.position], subjects: [...s.subjects], female: s.female };
            // one of the technology teachers teaches girls (домоводство), the other boys (труд)
            if (s.key === 'technology')
                draft.female = i === 0 ? 0.97 : 0.15;
            // some chemistry teachers also teach biology, some geography teachers — biology too
            if ((s.key === 'chemistry' || s.key === 'geography') && rng.chance(0.3))
                draft.subjects.push('Биология');
            drafts.push(draft);
        }
    }
    if (drafts.length < exports.LIMITS.staff.min || drafts.length > exports.LIMITS.staff.max) {
        throw new Error(`staff plan of ${drafts.length} is outside ${exports.LIMITS.staff.min}…${exports.LIMITS.staff.max}`);
    }
    return drafts;
}
/** Age profile of Russian teachers: many over 50, a fair share of young graduates. */
const TEACHER_AGES = new random_1.WeightedTable([
    [22, 29, 14],
    [30, 39, 20],
    [40, 49, 24],
    [50, 59, 27],
    [60, 68, 15],
], ([, , w]) => w);
/** A birth date such that the person is `age` years old on 1 September of `startYear`. */
function birthDateForAge(rng, startYear, age) {
    const latest = (0, dates_1.dayOf)(startYear - age, 9, 1);
    const earliest = (0, dates_1.dayOf)(startYear - age - 1, 9, 2);
    return (0, dates_1.isoDate)(rng.int(earliest, latest));
}
function createStaff(rng, drafts, startYear) {
    const names = new russian_names_1.RussianNamePicker(rng);
    const seen = new Set();
    return drafts.map((d) => {
        const gender = rng.chance(d.female) ? 'female' : 'male';
        let person = names.person(gender, 'adult');
        for (let tries = 0; seen.has(`${person.surname} ${person.name} ${person.patronymic}`) && tries < 50; tries++) {
            person = names.person(gender, 'adult');
        }
        seen.add(`${person.surname} ${person.name} ${person.patronymic}`);
        const [from, to] = d.age ?? TEACHER_AGES.pick(rng);
        return {
            ...person,
            gender,
            birthDate: birthDateForAge(rng, startYear, rng.int(from, to)),
            positions: [...d.positions],
            subjects: [...d.subjects],
        };
    });
}
/** How likely a subject teacher is to be a class teacher (классный руководитель), relatively. */
const CLASS_TEACHER_PREFERENCE = {
    russian: 3, math: 3, history: 2, english: 2, biology: 1.5, geography: 1.5, chemistry: 1.5, physics: 1.2,
    informatics: 1, german: 1, music: 0.8, art: 0.8, technology: 0.7, pe: 0.7, safety: 0.5,
};
/** Random order where heavier items tend to come first (Efraimidis–Spirakis weighted sampling). */
function weightedOrder(rng, items, weight) {
    return items
        .map((item) => ({ item, key: Math.log(1 - rng.next()) / weight(item) }))
        .sort((a, b) => b.key - a.key)
        .map((x) => x.item);
}
/** Staff index of the class teacher of each class: primary teachers for 1–4, subject teachers for 5–11. */
function assignClassTeachers(rng, classes, drafts) {
    const indexes = drafts.map((_, i) => i);
    const primary = rng.shuffle(indexes.filter((i) => drafts[i]?.kind === 'primary'));
    const subject = weightedOrder(rng, indexes.filter((i) => drafts[i]?.kind === 'subject'), (i) => CLASS_TEACHER_PREFERENCE[drafts[i]?.specKey ?? ''] ?? 1);
    return classes.map((c) => {
        const next = c.grade <= 4 ? primary.shift() : subject.shift();
        if (next === undefined)
            throw new Error(`no free teacher for class ${c.grade}${c.letter}`);
        return next;
    });
}
/** Share of pupils whose brother or sister studies in another grade of the same school. */
const SIBLING_SHARE = 0.12;
/**
 * Birth date of a pupil of `grade` in the year starting in `startYear`: mostly born from 1 September
 * (Y-7-g) to 31 August (Y-6-g); a few went to school early (born September–December Y-6-g) or late
 * (born June–August Y-7-g).
 */
function pupilBirthDate(rng, startYear, grade) {
    const young = startYear - 6 - grade;
    const old = startYear - 7 - grade;
    const r = rng.next();
    if (r < 0.04)
        return (0, dates_1.isoDate)(rng.int((0, dates_1.dayOf)(young, 9, 1), (0, dates_1.dayOf)(young, 12, 31)));
    if (r < 0.09)
        return (0, dates_1.isoDate)(rng.int((0, dates_1.dayOf)(old, 6, 1), (0, dates_1.dayOf)(old, 8, 31)));
    return (0, dates_1.isoDate)(rng.int((0, dates_1.dayOf)(old, 9, 1), (0, dates_1.dayOf)(young, 8, 31)));
}
function createStudents(rng, classes, startYear) {
    const names = new russian_names_1.RussianNamePicker(rng);
    const families = [];
    const byClass = classes.map((c, classIndex) => {
        const pupils = [];
        const seen = new Set();
        for (let i = 0; i < c.size; i++) {
            const gender = rng.chance(0.5) ? 'male' : 'female';
            let family;
            if (families.length > 0 && rng.chance(SIBLING_SHARE)) {
                const candidate = rng.pick(families);
                if (!candidate.grades.has(c.grade))
                    family = candidate;
            }
            if (!family) {
                family = { surname: names.surname(), fatherName: names.fatherName(), grades: new Set() };
                families.push(family);
            }
            family.grades.add(c.grade);
            let person = names.person(gender, 'child', family);
            for (let tries = 0; seen.has(`${person.surname} ${person.name}`) && tries < 50; tries++) {
                person = names.person(gender, 'child', family);
            }
            seen.add(`${person.surname} ${person.name}`);
            pupils.push({ ...person, gender, birthDate: pupilBirthDate(rng, startYear, c.grade), personalFileNumber: '', classIndex });
        }
        return pupils.sort((a, b) => (0, russian_names_1.compareRussian)(a.surname, b.surname) || (0, russian_names_1.compareRussian)(a.name, b.name) || (0, russian_names_1.compareRussian)(a.patronymic, b.patronymic));
    });
    // Личное дело: first letter of the surname and the serial number under that letter in the
    // alphabetical book; pupils of older grades were enrolled earlier and have lower numbers.
    const counters = new Map();
    for (let grade = 11; grade >= 1; grade--) {
        const enrolled = rng.shuffle(byClass.filter((_, i) => classes[i]?.grade === grade).flat());
        for (const s of enrolled) {
            const letter = s.surname.charAt(0).toUpperCase();
            const n = (counters.get(letter) ?? 0) + 1;
            counters.set(letter, n);
            s.personalFileNumber = `${letter}-${String(n).padStart(4, '0')}`;
        }
    }
    return byClass.flat();
}
//# sourceMappingURL=generate-school.js.map