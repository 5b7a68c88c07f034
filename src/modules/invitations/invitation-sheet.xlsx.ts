import { localDate } from '../audit/audit-export.xlsx';

/** «Пригласительные коды»: the printable sheet a class teacher cuts into strips and hands out. */
export const INVITATION_SHEET_NAME = 'Пригласительные коды';
export const INVITATION_SHEET_COLUMNS = [
  { header: 'Класс', width: 8 },
  { header: 'ФИО ученика', width: 36 },
  { header: 'Для кого', width: 36 },
  { header: 'Код', width: 24 },
  { header: 'Действует до', width: 14 },
] as const;
export const INVITATION_INSTRUCTION =
  'Как активировать: откройте электронный журнал, выберите «Активировать пригласительный код», введите код ' +
  '(регистр букв, пробелы и дефисы не важны) и придумайте логин и пароль. Родитель, у которого уже есть учётная ' +
  'запись, сначала входит в неё и затем вводит код — ребёнок добавится к той же учётной записи. Каждый код ' +
  'действует один раз и только до указанной даты; код ученика и код родителя разные.';

/** One line of the sheet: what the job receives sealed (sheet-secret.ts). */
export interface InvitationSheetRow {
  studentName: string;
  /** null for the student's own code */
  guardianName: string | null;
  code: string;
  /** ISO instant */
  expiresAt: string;
}

/** «Пригласительные коды 5А 2026-11-28.xlsx», dated in the school's time zone. */
export function invitationSheetFileName(className: string, now: Date, timeZone: string): string {
  return `${INVITATION_SHEET_NAME} ${className} ${localDate(now, timeZone)}.xlsx`;
}

/** 2026-12-28T… → «28.12.2026» in the school's time zone. */
export function russianDate(instant: Date, timeZone: string): string {
  const [y, m, d] = localDate(instant, timeZone).split('-');
  return `${d}.${m}.${y}`;
}

/** The cells of one row: class, student, «ученик» or the guardian's ФИО, code, last day. */
export function invitationSheetCells(className: string, row: InvitationSheetRow, timeZone: string): string[] {
  return [
    className,
    row.studentName,
    row.guardianName === null ? 'ученик' : `родитель: ${row.guardianName}`,
    row.code,
    russianDate(new Date(row.expiresAt), timeZone),
  ];
}

/** The workbook: header, one row per code, then the instruction. Small (one class), so built in memory. */
export async function buildInvitationSheet(className: string, rows: InvitationSheetRow[], timeZone: string): Promise<Buffer> {
  // loaded on first use: exceljs is large, and most processes never need it
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Электронный журнал';
  const sheet = workbook.addWorksheet(INVITATION_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = INVITATION_SHEET_COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(invitationSheetCells(className, row, timeZone));
    added.getCell(4).font = { name: 'Consolas', size: 14, bold: true };
    added.eachCell((cell) => {
      cell.border = { top: { style: 'dashed' }, bottom: { style: 'dashed' } };
    });
  }
  sheet.addRow([]);
  const instruction = sheet.addRow([INVITATION_INSTRUCTION]);
  sheet.mergeCells(instruction.number, 1, instruction.number, INVITATION_SHEET_COLUMNS.length);
  instruction.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  instruction.height = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
