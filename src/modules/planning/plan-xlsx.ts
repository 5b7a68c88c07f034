import { cellText } from '../imports/table/cells';
import { ColumnSpec, headerScore, matchColumns, rowCells } from '../imports/table/columns';
import { CellValue, readTable, UnreadableFile } from '../imports/table/read-table';
import { newWorkbook, workbookBuffer } from '../imports/xlsx-files';
import { TopicKind } from './entities/plan-topic.entity';
import { KIND_LABELS, parseKind, validTopicHours } from './planning-rules';

/** The most topics a plan may have (a year of daily lessons is ≈ 200). */
export const MAX_TOPICS = 400;
export const PLAN_SHEET = 'КТП';

type PlanColumn = 'number' | 'title' | 'hours' | 'kind' | 'notes';

/** The columns of the «КТП» sheet, in order; the import recognises them by header among the first rows. */
export const PLAN_COLUMNS: readonly ColumnSpec<PlanColumn>[] = [
  { key: 'number', header: '№', required: false, aliases: ['№ п/п', 'Номер', 'N'], hint: 'номер темы по порядку (не обязателен: порядок строк)', width: 6 },
  { key: 'title', header: 'Тема', required: true, aliases: ['Тема урока', 'Название темы', 'Наименование темы', 'Раздел, тема'], hint: 'тема урока', width: 60 },
  { key: 'hours', header: 'Часы', required: true, aliases: ['Кол-во часов', 'Количество часов', 'Часов'], hint: 'часы на тему: больше 0, до одного знака после запятой', width: 8 },
  { key: 'kind', header: 'Вид работы', required: false, aliases: ['Вид', 'Тип урока', 'Вид урока'], hint: 'урок, практическая, лабораторная или контрольная (пусто — урок)', width: 24 },
  { key: 'notes', header: 'Примечание', required: false, aliases: ['Примечания'], hint: 'любой текст', width: 40 },
];

export interface PlanTopicInput {
  title: string;
  hours: number;
  kind: TopicKind;
  notes: string | null;
}

export interface PlanFileError {
  /** the row of the sheet (1-based); null for a problem of the whole file */
  row: number | null;
  /** the column's header; null for a problem of the whole row or file */
  column: string | null;
  message: string;
}

export interface PlanHeading {
  className: string;
  subjectName: string;
  teacherName: string;
  yearName: string;
}

/** The plan as a workbook: sheet «КТП» with a heading (class, subject, teacher, year), then the table. */
export async function planWorkbook(heading: PlanHeading, topics: readonly PlanTopicInput[]): Promise<Buffer> {
  const wb = await newWorkbook();
  const sheet = wb.addWorksheet(PLAN_SHEET);
  sheet.columns = PLAN_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow(['Календарно-тематическое планирование']).font = { bold: true, size: 13 };
  sheet.addRow([`Класс: ${heading.className}`]);
  sheet.addRow([`Предмет: ${heading.subjectName}`]);
  sheet.addRow([`Учитель: ${heading.teacherName}`]);
  sheet.addRow([`Учебный год: ${heading.yearName}`]);
  sheet.addRow([]);
  const header = sheet.addRow(PLAN_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  topics.forEach((t, i) => {
    const row = sheet.addRow([i + 1, t.title, t.hours, KIND_LABELS[t.kind], t.notes ?? null]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(3).numFmt = '0.#';
  });
  const total = sheet.addRow(['', 'Итого часов', { formula: `SUM(C${header.number + 1}:C${header.number + Math.max(topics.length, 1)})`, result: topics.reduce((s, t) => s + t.hours, 0) }]);
  total.font = { bold: true };
  return workbookBuffer(wb);
}

/** «Итого» rows at the end of a teacher's sheet are totals, not topics. */
const isTotalRow = (title: string) => /^(итого|всего)([\s:.]|$)/i.test(title.trim());

function hoursOf(v: CellValue | undefined): { ok: true; value: number } | { ok: false; message: string } {
  if (v === null || v === undefined) return { ok: false, message: 'не указано число часов' };
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const t = cellText(v);
    if (!t.ok) return t;
    if (t.value === '') return { ok: false, message: 'не указано число часов' };
    if (!/^\d+([.,]\d+)?$/.test(t.value)) return { ok: false, message: `«${t.value}» не является числом часов` };
    n = Number(t.value.replace(',', '.'));
  }
  if (!validTopicHours(n)) return { ok: false, message: `число часов ${String(n).replace('.', ',')} недопустимо: больше 0, не больше 99,9, один знак после запятой` };
  return { ok: true, value: Math.round(n * 10) / 10 };
}

/**
 * Reads a plan from XLSX (or CSV) bytes: the header row is found among the first rows (the export's heading above it is
 * skipped); topics in row order. All or nothing: either every row is valid, or the errors name each bad row and column
 * in Russian.
 */
export async function readPlanFile(bytes: Buffer): Promise<{ topics: PlanTopicInput[] } | { errors: PlanFileError[] }> {
  let table;
  try {
    table = await readTable(bytes, headerScore(PLAN_COLUMNS));
  } catch (e) {
    if (e instanceof UnreadableFile) return { errors: [{ row: null, column: null, message: e.message }] };
    throw e;
  }
  const { index, errors: headerErrors } = matchColumns(table.header, PLAN_COLUMNS);
  if (headerErrors.length > 0) return { errors: headerErrors.map((message) => ({ row: table.headerRow, column: null, message })) };
  const errors: PlanFileError[] = [];
  const topics: PlanTopicInput[] = [];
  const col = (k: PlanColumn) => PLAN_COLUMNS.find((c) => c.key === k)!.header;
  for (const row of table.rows) {
    const cells = rowCells(row, index);
    const title = cellText(cells.title ?? null);
    const kindText = cellText(cells.kind ?? null);
    const notes = cellText(cells.notes ?? null);
    const blank = [title, kindText, notes].every((p) => p.ok && p.value === '') && (cells.hours === null || cells.hours === undefined);
    if (blank) continue; // a numbered empty row of a template
    if (title.ok && isTotalRow(title.value)) continue;
    const rowErrors: PlanFileError[] = [];
    if (!title.ok) rowErrors.push({ row: row.row, column: col('title'), message: title.message });
    else if (title.value === '') rowErrors.push({ row: row.row, column: col('title'), message: 'не указана тема' });
    else if (title.value.length > 500) rowErrors.push({ row: row.row, column: col('title'), message: 'тема длиннее 500 знаков' });
    const hours = hoursOf(cells.hours);
    if (!hours.ok) rowErrors.push({ row: row.row, column: col('hours'), message: hours.message });
    let kind: TopicKind | null = null;
    if (!kindText.ok) rowErrors.push({ row: row.row, column: col('kind'), message: kindText.message });
    else {
      kind = parseKind(kindText.value);
      if (kind === null) {
        rowErrors.push({
          row: row.row,
          column: col('kind'),
          message: `вид работы «${kindText.value}» не распознан: укажите «урок», «практическая», «лабораторная» или «контрольная»`,
        });
      }
    }
    if (!notes.ok) rowErrors.push({ row: row.row, column: col('notes'), message: notes.message });
    else if (notes.value.length > 1000) rowErrors.push({ row: row.row, column: col('notes'), message: 'примечание длиннее 1000 знаков' });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    topics.push({
      title: (title as { value: string }).value,
      hours: (hours as { value: number }).value,
      kind: kind as TopicKind,
      notes: (notes as { value: string }).value === '' ? null : (notes as { value: string }).value,
    });
  }
  if (errors.length > 0) return { errors };
  if (topics.length === 0) return { errors: [{ row: null, column: null, message: 'в файле нет ни одной темы' }] };
  if (topics.length > MAX_TOPICS) return { errors: [{ row: null, column: null, message: `тем в файле ${topics.length}, а в плане может быть не больше ${MAX_TOPICS}` }] };
  return { topics };
}
