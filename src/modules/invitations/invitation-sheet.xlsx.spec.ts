import { buildInvitationSheet, INVITATION_INSTRUCTION, invitationSheetCells, invitationSheetFileName, russianDate } from './invitation-sheet.xlsx';

describe('the invitation sheet', () => {
  const row = { studentName: 'Иванов Иван Петрович', guardianName: null, code: '7K3M-Q9TD-X2FW-H8RB', expiresAt: '2026-12-28T18:30:00.000Z' };

  it('is named after the class and the school-local date', () => {
    expect(invitationSheetFileName('5А', new Date('2026-11-28T20:00:00Z'), 'Asia/Krasnoyarsk')).toBe('Пригласительные коды 5А 2026-11-29.xlsx');
  });

  it('says who each code is for, and its last day in the school time zone', () => {
    expect(invitationSheetCells('5А', row, 'Asia/Krasnoyarsk')).toEqual(['5А', 'Иванов Иван Петрович', 'ученик', '7K3M-Q9TD-X2FW-H8RB', '29.12.2026']);
    expect(invitationSheetCells('5А', { ...row, guardianName: 'Иванова Мария' }, 'Europe/Moscow')[2]).toBe('родитель: Иванова Мария');
    expect(russianDate(new Date('2026-12-28T18:30:00Z'), 'Europe/Moscow')).toBe('28.12.2026');
  });

  it('is an XLSX with the header, the rows and the instruction', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildInvitationSheet('5А', [row], 'Asia/Krasnoyarsk')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Пригласительные коды');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Класс', 'ФИО ученика', 'Для кого', 'Код', 'Действует до']);
    expect(sheet?.getRow(2).getCell(4).value).toBe('7K3M-Q9TD-X2FW-H8RB');
    expect(sheet?.getRow(4).getCell(1).value).toBe(INVITATION_INSTRUCTION);
  });
});
