import { Gender } from '../contingent/entities/student.entity';
import { GuardianRelation } from '../contingent/entities/guardian.entity';
import { isPlausibleStudentBirthDate, normalizeEmail, normalizeFileNumber, normalizePhone } from '../contingent/person-rules';
import { normalizeNamePart } from '../contingent/staff-rules';
import { cellDate } from './table/cells';
import { ColumnSpec } from './table/columns';
import { RowError, rowReader } from './table/row-reader';
import { CellValue } from './table/read-table';

/** The columns of a class list (список класса), in the template's order; the export writes exactly these. */
export type ClassListKey =
  | 'fileNumber' | 'surname' | 'name' | 'patronymic' | 'birthDate' | 'gender' | 'className' | 'phone' | 'email'
  | 'g1Name' | 'g1Relation' | 'g1Phone' | 'g1Email' | 'g2Name' | 'g2Relation' | 'g2Phone' | 'g2Email';

const guardianColumns = (n: 1 | 2): ColumnSpec<ClassListKey>[] => [
  { key: `g${n}Name`, header: `Представитель ${n}: ФИО`, required: false, width: 34, hint: 'Фамилия Имя Отчество родителя (законного представителя)' },
  {
    key: `g${n}Relation`, header: `Представитель ${n}: кем приходится`, required: false, width: 18,
    hint: 'мать, отец, опекун, попечитель, приёмный родитель или иное; обязательно, если указано ФИО',
  },
  { key: `g${n}Phone`, header: `Представитель ${n}: телефон`, required: false, width: 18, hint: 'например +7 912 345-67-89' },
  { key: `g${n}Email`, header: `Представитель ${n}: e-mail`, required: false, width: 26, hint: 'адрес электронной почты' },
];

export const CLASS_LIST_COLUMNS: readonly ColumnSpec<ClassListKey>[] = [
  {
    key: 'fileNumber', header: '№ личного дела', required: true, aliases: ['номер личного дела', 'личное дело'], width: 14,
    hint: 'Номер личного дела — ключ импорта: по нему находится карточка обучающегося. До 32 символов, в файле не повторяется',
  },
  { key: 'surname', header: 'Фамилия', required: true, width: 18, hint: 'Обязательно' },
  { key: 'name', header: 'Имя', required: true, width: 16, hint: 'Обязательно' },
  { key: 'patronymic', header: 'Отчество', required: false, width: 18, hint: 'Если есть' },
  { key: 'birthDate', header: 'Дата рождения', required: true, width: 14, hint: 'Дата (ДД.ММ.ГГГГ, например 01.09.2015) или ячейка формата «Дата»' },
  { key: 'gender', header: 'Пол', required: true, width: 6, hint: 'м или ж' },
  { key: 'className', header: 'Класс', required: true, width: 8, hint: 'Класс учебного года импорта, например 5А; класс должен быть создан заранее' },
  { key: 'phone', header: 'Телефон', required: false, width: 18, hint: 'Телефон обучающегося, если есть' },
  { key: 'email', header: 'E-mail', required: false, aliases: ['email', 'электронная почта'], width: 26, hint: 'Адрес электронной почты обучающегося, если есть' },
  ...guardianColumns(1),
  ...guardianColumns(2),
];

export const HEADER_OF: Record<ClassListKey, string> = Object.fromEntries(CLASS_LIST_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ClassListKey,
  string
>;

export const RELATION_WORDS: Record<GuardianRelation, string> = {
  [GuardianRelation.Mother]: 'мать',
  [GuardianRelation.Father]: 'отец',
  [GuardianRelation.Guardian]: 'опекун',
  [GuardianRelation.Trustee]: 'попечитель',
  [GuardianRelation.FosterParent]: 'приёмный родитель',
  [GuardianRelation.Other]: 'иное',
};

const RELATION_INPUT: Record<string, GuardianRelation> = {
  мать: GuardianRelation.Mother,
  мама: GuardianRelation.Mother,
  отец: GuardianRelation.Father,
  папа: GuardianRelation.Father,
  опекун: GuardianRelation.Guardian,
  попечитель: GuardianRelation.Trustee,
  'приемный родитель': GuardianRelation.FosterParent,
  'приемная мать': GuardianRelation.FosterParent,
  'приемный отец': GuardianRelation.FosterParent,
  иное: GuardianRelation.Other,
  иной: GuardianRelation.Other,
  другое: GuardianRelation.Other,
  'иной законный представитель': GuardianRelation.Other,
};

export function parseRelation(s: string): GuardianRelation | null {
  return RELATION_INPUT[s.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()] ?? null;
}

export function parseGender(s: string): Gender | null {
  const v = s.toLocaleLowerCase('ru').replace(/\.$/, '').trim();
  if (['м', 'муж', 'мужской', 'm', 'male'].includes(v)) return Gender.Male;
  if (['ж', 'жен', 'женский', 'f', 'female'].includes(v)) return Gender.Female;
  return null;
}

export const GENDER_WORDS: Record<Gender, string> = { [Gender.Male]: 'м', [Gender.Female]: 'ж' };

/** «5А», «5 а», «5-А», «10Б» → grade and upper-case letter. */
export function parseClassName(s: string): { grade: number; letter: string } | null {
  const m = /^(\d{1,2})\s*-?\s*([а-яёa-z]{1,4})$/i.exec(s.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const grade = Number(m[1]);
  if (grade < 1 || grade > 11) return null;
  return { grade, letter: m[2].toLocaleUpperCase('ru') };
}

export const classKey = (grade: number, letter: string) => `${grade}${letter.toLocaleUpperCase('ru')}`;

/** A person's name compared for matching: case, «ё» and spaces do not matter. */
export const nameKey = (surname: string, name: string, patronymic: string | null) =>
  [surname, name, patronymic ?? ''].map((p) => p.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()).join('|');

export interface GuardianInput {
  surname: string;
  name: string;
  patronymic: string | null;
  relation: GuardianRelation;
  phone: string | null;
  email: string | null;
  /** which of the two (1 or 2), for the report */
  slot: 1 | 2;
}

/** One valid row of a class list. `phone`/`email` undefined when the file has no such column (left as they are). */
export interface ClassListRow {
  row: number;
  fileNumber: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  gender: Gender;
  grade: number;
  letter: string;
  phone: string | null | undefined;
  email: string | null | undefined;
  guardians: GuardianInput[];
}

export type { RowError } from './table/row-reader';

const MAX_NAME = 100;

/** Splits «Иванова Мария Петровна» into its parts (a patronymic of several words, «Оглы», stays together). */
export function splitFullName(full: string): { surname: string; name: string; patronymic: string | null } | null {
  const parts = normalizeNamePart(full).split(' ').filter(Boolean);
  if (parts.length < 2) return null;
  return { surname: parts[0], name: parts[1], patronymic: parts.length > 2 ? parts.slice(2).join(' ') : null };
}

/**
 * Checks one row and returns it normalised, or its errors (every problem of the row, each naming its column).
 * `onDate`: the import date, against which a birth date must be plausible for a student (5–22 years).
 */
export function parseClassListRow(
  row: number,
  cells: Partial<Record<ClassListKey, CellValue>>,
  onDate: string,
): { value?: ClassListRow; errors: RowError[] } {
  const { errors, unreadable, err, text } = rowReader(row, cells, HEADER_OF);
  const namePart = (key: ClassListKey, required: boolean): string | null => {
    const v = normalizeNamePart(text(key));
    if (unreadable.has(key)) return null;
    if (v === '') {
      if (required) err(key, 'не заполнено');
      return null;
    }
    if (v.length > MAX_NAME) err(key, `длиннее ${MAX_NAME} символов`);
    return v;
  };

  const rawNumber = text('fileNumber');
  const fileNumber = rawNumber === '' ? null : normalizeFileNumber(rawNumber);
  if (unreadable.has('fileNumber')) {
    /* reported */
  } else if (rawNumber === '') err('fileNumber', 'не заполнен номер личного дела');
  else if (!fileNumber) err('fileNumber', 'номер личного дела длиннее 32 символов');
  const surname = namePart('surname', true);
  const name = namePart('name', true);
  const patronymic = namePart('patronymic', false);

  let birthDate: string | null = null;
  const bd = cellDate(cells.birthDate ?? null);
  if (!bd.ok) err('birthDate', bd.message);
  else if (bd.value === '') err('birthDate', 'не заполнена дата рождения');
  else if (!isPlausibleStudentBirthDate(bd.value, onDate)) err('birthDate', `${bd.value.split('-').reverse().join('.')}: возраст обучающегося на дату импорта не от 5 до 22 лет`);
  else birthDate = bd.value;

  const genderText = text('gender');
  const gender = genderText === '' ? null : parseGender(genderText);
  if (unreadable.has('gender')) {
    /* reported */
  } else if (genderText === '') err('gender', 'не указан пол (м или ж)');
  else if (!gender) err('gender', `«${genderText}»: пол указывается буквой м или ж`);

  const classText = text('className');
  const cls = classText === '' ? null : parseClassName(classText);
  if (unreadable.has('className')) {
    /* reported */
  } else if (classText === '') err('className', 'не указан класс');
  else if (!cls) err('className', `«${classText}» не похоже на класс: укажите номер 1–11 и букву, например 5А`);

  const contact = (key: ClassListKey, kind: 'phone' | 'email'): string | null | undefined => {
    if (!(key in cells)) return undefined;
    const v = text(key);
    if (v === '') return null;
    const n = kind === 'phone' ? normalizePhone(v) : normalizeEmail(v);
    if (!n) err(key, kind === 'phone' ? `«${v}» не похоже на номер телефона` : `«${v}» не похоже на адрес электронной почты`);
    return n;
  };
  const phone = contact('phone', 'phone');
  const email = contact('email', 'email');

  const guardians: GuardianInput[] = [];
  for (const slot of [1, 2] as const) {
    const k = (s: 'Name' | 'Relation' | 'Phone' | 'Email') => `g${slot}${s}` as ClassListKey;
    const fullName = text(k('Name'));
    const relationText = text(k('Relation'));
    const gPhone = contact(k('Phone'), 'phone') ?? null;
    const gEmail = contact(k('Email'), 'email') ?? null;
    if (unreadable.has(k('Name'))) continue;
    if (fullName === '') {
      if (relationText !== '' || gPhone || gEmail) err(k('Name'), 'не указано ФИО представителя, а другие его сведения указаны');
      continue;
    }
    const parts = splitFullName(fullName);
    if (!parts) {
      err(k('Name'), `«${fullName}»: укажите фамилию и имя (и отчество) через пробел`);
      continue;
    }
    if ([parts.surname, parts.name, parts.patronymic ?? ''].some((p) => p.length > MAX_NAME)) {
      err(k('Name'), `часть ФИО длиннее ${MAX_NAME} символов`);
      continue;
    }
    const relation = relationText === '' ? null : parseRelation(relationText);
    if (unreadable.has(k('Relation'))) {
      /* reported */
    } else if (relationText === '') err(k('Relation'), 'не указано, кем приходится представитель');
    else if (!relation) err(k('Relation'), `«${relationText}»: допустимо мать, отец, опекун, попечитель, приёмный родитель или иное`);
    if (relation) guardians.push({ ...parts, relation, phone: gPhone, email: gEmail, slot });
  }

  if (errors.length > 0 || !fileNumber || !surname || !name || !birthDate || !gender || !cls) return { errors };
  return {
    errors,
    value: { row, fileNumber, surname, name, patronymic, birthDate, gender, grade: cls.grade, letter: cls.letter, phone, email, guardians },
  };
}
