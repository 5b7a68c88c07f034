import { normalizeNamePart, normalizePositions } from '../contingent/staff-rules';
import { ColumnSpec } from './table/columns';
import { CellValue } from './table/read-table';
import { RowError, rowReader } from './table/row-reader';

export type StaffKey = 'personnelNumber' | 'surname' | 'name' | 'patronymic' | 'positions';

/** Positions inside one cell are separated by «;» (a position's own name may hold commas). */
export const POSITION_SEPARATOR = ';';

export const STAFF_COLUMNS: readonly ColumnSpec<StaffKey>[] = [
  {
    key: 'personnelNumber', header: 'Табельный номер', required: true, aliases: ['таб номер', 'табельный №'], width: 16,
    hint: 'Ключ импорта: по нему находится запись сотрудника; до 32 символов, в файле не повторяется. ' +
      'Пустой номер допустим только для сотрудника, уже внесённого без номера (он находится по ФИО)',
  },
  { key: 'surname', header: 'Фамилия', required: true, width: 18, hint: 'Обязательно' },
  { key: 'name', header: 'Имя', required: true, width: 16, hint: 'Обязательно' },
  { key: 'patronymic', header: 'Отчество', required: false, width: 18, hint: 'Если есть' },
  {
    key: 'positions', header: 'Должности', required: false, aliases: ['должность'], width: 60,
    hint: 'Одна или несколько должностей через точку с запятой «;»',
  },
];

export const STAFF_HEADER_OF: Record<StaffKey, string> = Object.fromEntries(STAFF_COLUMNS.map((c) => [c.key, c.header])) as Record<
  StaffKey,
  string
>;

export interface StaffRow {
  row: number;
  personnelNumber: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  /** undefined when the file has no «Должности» column (positions left as they are) */
  positions: string[] | undefined;
}

export function parseStaffRow(row: number, cells: Partial<Record<StaffKey, CellValue>>): { value?: StaffRow; errors: RowError[] } {
  const reader = rowReader(row, cells, STAFF_HEADER_OF);
  const { errors, unreadable, err } = reader;
  const text = (key: StaffKey): string => normalizeNamePart(reader.text(key));
  const number = text('personnelNumber');
  if (number.length > 32) err('personnelNumber', 'табельный номер длиннее 32 символов');
  const surname = text('surname');
  const name = text('name');
  const patronymic = text('patronymic');
  if (surname === '' && !unreadable.has('surname')) err('surname', 'не заполнено');
  if (name === '' && !unreadable.has('name')) err('name', 'не заполнено');
  for (const [k, v] of [['surname', surname], ['name', name], ['patronymic', patronymic]] as Array<[StaffKey, string]>) {
    if (v.length > 100) err(k, 'длиннее 100 символов');
  }
  const positions = 'positions' in cells ? normalizePositions(text('positions').split(POSITION_SEPARATOR)) : undefined;
  if (positions?.some((x) => x.length > 200)) err('positions', 'название должности длиннее 200 символов');
  if (errors.length > 0) return { errors };
  return { errors, value: { row, personnelNumber: number === '' ? null : number, surname, name, patronymic: patronymic || null, positions } };
}
