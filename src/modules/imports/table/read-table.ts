import { CsvEncoding, CsvSyntaxError, decodeText, detectDelimiter, looksLikeText, parseCsv } from './csv';

/** A cell as read: text, number, boolean, a date (XLSX date cells), nothing, or a formula whose value is not stored. */
export type CellValue = string | number | boolean | Date | null | FormulaWithoutValue | CellError;
export interface FormulaWithoutValue {
  formulaWithoutValue: string;
}
export interface CellError {
  cellError: string;
}

export interface TableRow {
  /** the row of the sheet (XLSX) or the line of the file (CSV) the record starts on, 1-based */
  row: number;
  cells: CellValue[];
}

export interface RawTable {
  format: 'xlsx' | 'csv';
  encoding?: CsvEncoding;
  delimiter?: string;
  /** the header row (first non-empty row) */
  headerRow: number;
  header: string[];
  rows: TableRow[];
}

/** A file that cannot be read as a table: the message says why, in Russian, for the report. */
export class UnreadableFile extends Error {}

const ZIP = Buffer.from([0x50, 0x4b]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.subarray(0, 2).equals(ZIP) && [0x03, 0x05, 0x07].includes(bytes[2]);
}

const isEmpty = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

/** Reads the first sheet of an XLSX (detected by its ZIP signature) or a CSV; throws UnreadableFile. */
export async function readTable(bytes: Buffer): Promise<RawTable> {
  if (bytes.length === 0) throw new UnreadableFile('Файл пуст');
  if (isZip(bytes)) return readXlsx(bytes);
  if (bytes.length >= 4 && bytes.subarray(0, 4).equals(OLE)) {
    throw new UnreadableFile('Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как «Книга Excel (*.xlsx)» или CSV');
  }
  return readCsv(bytes);
}

function withHeader(format: 'xlsx' | 'csv', rows: TableRow[], extra: Partial<RawTable> = {}): RawTable {
  const first = rows.findIndex((r) => r.cells.some((c) => !isEmpty(c)));
  if (first < 0) throw new UnreadableFile('В файле нет ни одной заполненной строки');
  const headerRow = rows[first];
  const header = headerRow.cells.map((c) => (c === null ? '' : typeof c === 'object' && !(c instanceof Date) ? '' : String(c)));
  const data = rows.slice(first + 1).filter((r) => r.cells.some((c) => !isEmpty(c)));
  return { format, headerRow: headerRow.row, header, rows: data, ...extra };
}

function readCsv(bytes: Buffer): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (!looksLikeText(text)) {
    throw new UnreadableFile('Файл не является таблицей: это не XLSX и не текстовый CSV (сохраните список как XLSX или CSV)');
  }
  const delimiter = detectDelimiter(text);
  let records;
  try {
    records = parseCsv(text, delimiter);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new UnreadableFile(`CSV повреждён: ${e.message}`);
    throw e;
  }
  return withHeader(
    'csv',
    records.map((r) => ({ row: r.line, cells: r.cells })),
    { encoding, delimiter },
  );
}

type ExcelValue = import('exceljs').CellValue;

/** An exceljs cell value as a plain one: rich text joined, a formula as its cached result, hyperlinks as their text. */
export function plainCell(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      if (f.result === undefined || f.result === null) return { formulaWithoutValue: `=${f.formula ?? f.sharedFormula ?? ''}` };
      return plainCell(f.result as ExcelValue);
    }
    if ('error' in v) return { cellError: String((v as { error: unknown }).error) };
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t) return plainCell(t as ExcelValue);
    }
  }
  return String(v);
}

async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('Файл похож на XLSX (архив ZIP), но не читается: архив повреждён или это не книга Excel');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('В книге Excel нет ни одного листа');
  const rows: TableRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return withHeader('xlsx', rows);
}
