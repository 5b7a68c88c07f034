import { asciiFileName, attachmentDisposition, encodeRfc5987 } from './content-disposition';

describe('Content-Disposition for a file with a Russian name', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266/5987)', () => {
    expect(attachmentDisposition('Журнал доступа Школа № 1 2026-11-28.xlsx')).toBe(
      'attachment; filename="Zhurnal dostupa Shkola N 1 2026-11-28.xlsx"; ' +
        "filename*=UTF-8''%D0%96%D1%83%D1%80%D0%BD%D0%B0%D0%BB%20%D0%B4%D0%BE%D1%81%D1%82%D1%83%D0%BF%D0%B0%20" +
        '%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%96%201%202026-11-28.xlsx',
    );
  });

  it('the UTF-8 name decodes back to the original', () => {
    const name = 'Отчёт (итог) *1*.xlsx';
    expect(decodeURIComponent(encodeRfc5987(name))).toBe(name);
    expect(encodeRfc5987(name)).not.toMatch(/[()*' ]/);
  });

  it('quotes, backslashes, control and other non-ASCII characters never reach the quoted fallback', () => {
    expect(asciiFileName('a"b\\c😀.txt')).toBe('a_b_c_.txt');
    expect(attachmentDisposition('x\r\ny.txt')).not.toMatch(/[\r\n]/);
  });

  it('a name of nothing but symbols still gets a fallback', () => {
    expect(asciiFileName('   ')).toBe('file');
  });
});
