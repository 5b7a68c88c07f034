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
export async function readTable(bytes: Buffer, score?: HeaderScore): Promise<RawTable> {
  if (bytes.length === 0) throw new UnreadableFile('Файл пуст');
  if (isZip(bytes)) return readXlsx(bytes, score);
  if (bytes.length >= 4 && bytes.subarray(0, 4).equals(OLE)) {
    throw new UnreadableFile('Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как «Книга Excel (*.xlsx)» или CSV');
  }
  return readCsv(bytes, score);
}

/** How many of a row's cells name columns of the import: picks the header row among the first rows. */
export type HeaderScore = (cells: string[]) => number;

const headerText = (cells: CellValue[]) =>
  cells.map((c) => (c === null ? '' : typeof c === 'object' && !(c instanceof Date) ? '' : String(c)));

/**
 * The header is the first non-empty row, unless one of the next few non-empty rows names more columns (a title
 * such as «Список 5А класса» above the header is skipped).
 */
function withHeader(format: 'xlsx' | 'csv', rows: TableRow[], score: HeaderScore | undefined, extra: Partial<RawTable> = {}): RawTable {
  const filled = rows.filter((r) => r.cells.some((c) => !isEmpty(c)));
  if (filled.length === 0) throw new UnreadableFile('В файле нет ни одной заполненной строки');
  let best = 0;
  if (score) {
    let bestScore = score(headerText(filled[0].cells));
    for (let i = 1; i < Math.min(HEADER_SEARCH_ROWS, filled.length); i++) {
      const s = score(headerText(filled[i].cells));
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    }
  }
  return { format, headerRow: filled[best].row, header: headerText(filled[best].cells), rows: filled.slice(best + 1), ...extra };
}

const HEADER_SEARCH_ROWS = 10;

function readCsv(bytes: Buffer, score: HeaderScore | undefined): RawTable {
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
    score,
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

async function readXlsx(bytes: Buffer, score: HeaderScore | undefined): Promise<RawTable> {
  const inflated = zipInflatedSize(bytes);
  if (inflated === null) {
    throw new UnreadableFile('Файл похож на XLSX (архив ZIP), но не читается: архив повреждён или это не книга Excel');
  }
  if (inflated > MAX_INFLATED_BYTES) {
    throw new UnreadableFile(`Книга Excel слишком велика в распакованном виде (больше ${MAX_INFLATED_BYTES / 2 ** 20} МБ): разделите список на несколько файлов`);
  }
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
  return withHeader('xlsx', rows, score);
}

/** The largest unpacked size of an XLSX we open (a list of a school is a few MB; this stops zip bombs). */
export const MAX_INFLATED_BYTES = 200 * 2 ** 20;

/**
 * The sum of the uncompressed sizes the ZIP's central directory declares, before anything is inflated; null when
 * there is no valid end-of-central-directory record. A ZIP64 size (0xFFFFFFFF) counts as too large.
 */
export function zipInflatedSize(bytes: Buffer): number | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(p + 24);
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return total;
}
