import { CellValue, RawTable, TableRow } from './read-table';

/** A column of an import file, in the template's order. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  /** the header as in the template and the export */
  header: string;
  required: boolean;
  /** other headers accepted for it */
  aliases?: string[];
  /** for the «Инструкция» sheet of the template */
  hint: string;
  width: number;
}

/** Header comparison: case, «ё», spaces, non-breaking spaces, a trailing «*» and dots do not matter. */
export function normalizeHeader(h: string): string {
  return h
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0*.]/g, '')
    .replace(/[–—]/g, '-');
}

export interface MatchedColumns<K extends string> {
  /** column index (0-based) of each recognised column */
  index: Partial<Record<K, number>>;
  /** file-level problems (missing required columns, repeated columns) */
  errors: string[];
  /** headers that are not columns of this import (ignored) */
  ignored: string[];
}

export function matchColumns<K extends string>(header: string[], specs: readonly ColumnSpec<K>[]): MatchedColumns<K> {
  const byName = new Map<string, ColumnSpec<K>>();
  for (const s of specs) for (const h of [s.header, ...(s.aliases ?? [])]) byName.set(normalizeHeader(h), s);
  const index: Partial<Record<K, number>> = {};
  const errors: string[] = [];
  const ignored: string[] = [];
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const spec = byName.get(normalizeHeader(h));
    if (!spec) {
      ignored.push(h.trim());
      return;
    }
    if (index[spec.key] !== undefined) errors.push(`столбец «${spec.header}» встречается в заголовке дважды`);
    else index[spec.key] = i;
  });
  const missing = specs.filter((s) => s.required && index[s.key] === undefined).map((s) => `«${s.header}»`);
  if (missing.length > 0) {
    errors.push(
      `в строке заголовка нет обязательных столбцов: ${missing.join(', ')}. Первая заполненная строка файла должна быть ` +
        'заголовком с названиями столбцов, как в шаблоне',
    );
  }
  return { index, errors, ignored };
}

/** The cells of one row by column key (absent columns are absent, empty cells null). */
export function rowCells<K extends string>(row: TableRow, index: Partial<Record<K, number>>): Partial<Record<K, CellValue>> {
  const out: Partial<Record<K, CellValue>> = {};
  for (const [key, i] of Object.entries(index) as Array<[K, number]>) out[key] = row.cells[i] ?? null;
  return out;
}

export function describeFormat(t: RawTable): string {
  if (t.format === 'xlsx') return 'XLSX';
  const delimiter = t.delimiter === '\t' ? 'табуляция' : `«${t.delimiter}»`;
  return `CSV, ${t.encoding === 'windows-1251' ? 'Windows-1251' : 'UTF-8'}, разделитель ${delimiter}`;
}

/** A header-row score for readTable: how many cells name columns of the import. */
export function headerScore(specs: readonly ColumnSpec[]): (cells: string[]) => number {
  const names = new Set(specs.flatMap((s) => [s.header, ...(s.aliases ?? [])]).map(normalizeHeader));
  return (cells) => cells.filter((c) => names.has(normalizeHeader(c))).length;
}
