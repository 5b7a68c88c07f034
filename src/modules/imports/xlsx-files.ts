import type { Workbook, Worksheet } from 'exceljs';
import { ColumnSpec } from './table/columns';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATE_FORMAT = 'dd.mm.yyyy';

export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Электронный журнал';
  return wb;
}

export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet whose first row is the import's header (bold, frozen), columns as the specs say. */
export function importSheet(wb: Workbook, name: string, specs: readonly ColumnSpec[], dateKeys: string[] = []): Worksheet {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = specs.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: dateKeys.includes(c.key) ? { numFmt: DATE_FORMAT } : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** The «Инструкция» sheet of a template: one line per column, then free notes. */
export function instructionSheet(wb: Workbook, specs: readonly ColumnSpec[], example: Record<string, string>, notes: string[]): void {
  const sheet = wb.addWorksheet('Инструкция');
  sheet.columns = [
    { header: 'Столбец', key: 'h', width: 34 },
    { header: 'Обязательный', key: 'r', width: 14 },
    { header: 'Что указывать', key: 'd', width: 80 },
    { header: 'Пример', key: 'e', width: 28 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of specs) sheet.addRow({ h: c.header, r: c.required ? 'да' : 'нет', d: c.hint, e: example[c.key] ?? '' });
  sheet.addRow({});
  for (const n of notes) sheet.addRow({ h: n });
}

/** Date 'YYYY-MM-DD' as an XLSX date cell value (UTC midnight, as exceljs reads it back). */
export const xlsxDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** File names without characters file systems refuse. */
export const safeFileName = (s: string) => s.replace(/["\\/:*?<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
