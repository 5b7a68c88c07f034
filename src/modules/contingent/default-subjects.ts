import { EntityManager } from 'typeorm';
import { Subject } from './subject.entity';

export interface DefaultSubject {
  code: string;
  name: string;
  shortName: string;
}

/** The usual Russian school subjects (ФГОС НОО/ООО/СОО): a new school starts with this catalogue. */
export const DEFAULT_SUBJECTS: readonly DefaultSubject[] = [
  { code: 'russian', name: 'Русский язык', shortName: 'Рус. яз.' },
  { code: 'literature', name: 'Литература', shortName: 'Лит.' },
  { code: 'native_language', name: 'Родной язык', shortName: 'Род. яз.' },
  { code: 'native_literature', name: 'Литературное чтение на родном языке', shortName: 'Лит. чт. на род. яз.' },
  { code: 'literary_reading', name: 'Литературное чтение', shortName: 'Лит. чт.' },
  { code: 'math', name: 'Математика', shortName: 'Матем.' },
  { code: 'algebra', name: 'Алгебра', shortName: 'Алг.' },
  { code: 'geometry', name: 'Геометрия', shortName: 'Геом.' },
  { code: 'probability', name: 'Вероятность и статистика', shortName: 'Вер. и стат.' },
  { code: 'informatics', name: 'Информатика', shortName: 'Информ.' },
  { code: 'history', name: 'История', shortName: 'Ист.' },
  { code: 'social_studies', name: 'Обществознание', shortName: 'Общ.' },
  { code: 'geography', name: 'География', shortName: 'Геогр.' },
  { code: 'biology', name: 'Биология', shortName: 'Биол.' },
  { code: 'physics', name: 'Физика', shortName: 'Физ.' },
  { code: 'chemistry', name: 'Химия', shortName: 'Хим.' },
  { code: 'english', name: 'Английский язык', shortName: 'Англ. яз.' },
  { code: 'german', name: 'Немецкий язык', shortName: 'Нем. яз.' },
  { code: 'french', name: 'Французский язык', shortName: 'Фр. яз.' },
  { code: 'world_around', name: 'Окружающий мир', shortName: 'Окр. мир' },
  { code: 'music', name: 'Музыка', shortName: 'Муз.' },
  { code: 'fine_arts', name: 'Изобразительное искусство', shortName: 'ИЗО' },
  { code: 'technology', name: 'Труд (технология)', shortName: 'Труд' },
  { code: 'physical_education', name: 'Физическая культура', shortName: 'Физ-ра' },
  // ОБЗР since 1 September 2024; formerly ОБЖ
  { code: 'obzr', name: 'Основы безопасности и защиты Родины', shortName: 'ОБЗР' },
  { code: 'orkse', name: 'Основы религиозных культур и светской этики', shortName: 'ОРКСЭ' },
  { code: 'odnknr', name: 'Основы духовно-нравственной культуры народов России', shortName: 'ОДНКНР' },
  { code: 'astronomy', name: 'Астрономия', shortName: 'Астр.' },
  { code: 'individual_project', name: 'Индивидуальный проект', shortName: 'Инд. проект' },
];

/** Fills a school's catalogue with the default subjects, inside the caller's transaction. */
export async function insertDefaultSubjects(m: EntityManager, schoolId: string): Promise<void> {
  await m.insert(
    Subject,
    DEFAULT_SUBJECTS.map((s) => ({ ...s, schoolId, archivedAt: null })),
  );
}
