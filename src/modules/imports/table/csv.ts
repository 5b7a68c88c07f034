/** CSV as the secretary's spreadsheet programs write it: UTF-8 (with or without BOM) or Windows-1251, `;` or `,`. */

export type CsvEncoding = 'utf-8' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
}

/**
 * UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1251 (every byte is a character there, so
 * decoding cannot fail; a file of another encoding turns into wrong letters, which the column check then reports).
 */
export function decodeText(bytes: Buffer): DecodedText {
  let body = bytes;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
  }
}

/** Whether decoded text looks like text at all: no NUL, and control characters (other than tab and line ends) rare. */
export function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0)) control++;
  }
  return control <= sample.length * 0.01;
}

/** The delimiter of the header line: whichever of `;`, `,` and tab occurs most outside quotes (`;` on a tie). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return (['\t', ',', ';'] as const).reduce((best, d) => (counts[d] > counts[best] ? d : best), ';' as string);
}

export interface CsvRecord {
  /** the line on which the record starts, 1-based */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** RFC 4180: quoted fields may hold the delimiter, line breaks and doubled quotes; CRLF, LF or CR end a record. */
export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      afterQuote = false;
      line++;
      recordLine = line;
    } else if (ch === '"' && cell.trim() === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else {
      // text after a closing quote, or a quote inside an unquoted field: kept as typed (lenient, like spreadsheet programs)
      cell += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteLine, `незакрытая кавычка в строке ${quoteLine}`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
