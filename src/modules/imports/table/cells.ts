import { CellValue } from './read-table';

/** A cell read as text or as a date, or the Russian reason it cannot be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of a calendar date given as its UTC parts, when such a date exists. */
function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 'DD.MM.YYYY' for messages and exports. */
export function ruDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function problemOf(v: CellValue): string | null {
  if (v !== null && typeof v === 'object' && 'formulaWithoutValue' in v) {
    return `формула без значения (${v.formulaWithoutValue}): откройте и сохраните файл в Excel, чтобы значение было вычислено, или замените формулу значением`;
  }
  if (v !== null && typeof v === 'object' && 'cellError' in v) return `в ячейке ошибка ${v.cellError}`;
  return null;
}

/** The cell as trimmed text: numbers as written (no exponent for whole numbers), dates as ДД.ММ.ГГГГ. */
export function cellText(v: CellValue): Parsed<string> {
  const problem = problemOf(v);
  if (problem) return fail(problem);
  if (v === null) return ok('');
  if (typeof v === 'string') return ok(v.replace(/\u00a0/g, ' ').trim());
  if (typeof v === 'number') return ok(Number.isInteger(v) ? v.toFixed(0) : String(v));
  if (typeof v === 'boolean') return ok(v ? 'да' : 'нет');
  if (v instanceof Date) return ok(ruDate(dateOfExcelDate(v)));
  return ok(String(v));
}

/** exceljs gives date cells as UTC midnight of the date shown (up to rounding of a time part). */
function dateOfExcelDate(d: Date): string {
  const t = new Date(d.getTime() + 500); // a value 23:59:59.999… of the day before, from float rounding
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** An Excel serial date (days since 1899-12-30; the 1900 leap-year bug only touches dates before March 1900). */
function excelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n >= 73051) return null; // up to 2099-12-31
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A date given as a date cell, as an Excel serial number (a date cell that lost its format, or a CSV export of
 * one), or as text «01.09.2015», «1.9.2015», «01/09/2015» or «2015-09-01». '' when the cell is empty.
 */
export function cellDate(v: CellValue): Parsed<string> {
  const problem = problemOf(v);
  if (problem) return fail(problem);
  if (v === null) return ok('');
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail('дата не распознана') : ok(dateOfExcelDate(v));
  if (typeof v === 'number') {
    const d = excelSerial(v);
    return d ? ok(d) : fail(`число ${v} не является датой`);
  }
  const s = String(v).replace(/\u00a0/g, ' ').trim();
  if (s === '') return ok('');
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s*г\.?)?$/.exec(s);
  if (m) {
    const d = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return d ? ok(d) : fail(`нет такой даты: «${s}»`);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? ok(d) : fail(`нет такой даты: «${s}»`);
  }
  if (/^\d{4,5}$/.test(s)) {
    const d = excelSerial(Number(s));
    if (d) return ok(d);
  }
  return fail(`дата «${s}» не распознана: укажите ДД.ММ.ГГГГ, например 01.09.2015`);
}
