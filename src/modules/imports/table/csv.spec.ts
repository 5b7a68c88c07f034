import { decodeText, detectDelimiter, looksLikeText, parseCsv } from './csv';

describe('CSV of the secretary\'s files', () => {
  it('decodes UTF-8 with and without BOM, and Windows-1251 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\ufeffФамилия;Имя', 'utf8'))).toEqual({ text: 'Фамилия;Имя', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('Фамилия', 'utf8'))).toEqual({ text: 'Фамилия', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x3b, 0xb8]))).toEqual({ text: 'Фамилия;ё', encoding: 'windows-1251' });
  });

  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('один')).toBe(';');
  });

  it('parses RFC 4180: quoted delimiters, doubled quotes, line breaks inside quotes, CRLF', () => {
    const text = 'a;b\r\n"x;y";"он сказал ""да"""\r\n"две\nстроки";z\r\n\r\nlast;1';
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;y', 'он сказал "да"'] },
      { line: 3, cells: ['две\nстроки', 'z'] },
      { line: 5, cells: [''] },
      { line: 6, cells: ['last', '1'] },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a;b\n"x;y\nz', ';')).toThrow('незакрытая кавычка в строке 2');
  });

  it('tells text from binary', () => {
    expect(looksLikeText('Фамилия;Имя\r\nИванов;Иван')).toBe(true);
    expect(looksLikeText('PK\u0003\u0004\u0000\u0000')).toBe(false);
  });
});
