import { cellDate, cellText } from './cells';

describe('cells of an import file', () => {
  it('reads dates as date cells, Excel serial numbers and text', () => {
    expect(cellDate(new Date('2015-09-01T00:00:00Z'))).toEqual({ ok: true, value: '2015-09-01' });
    expect(cellDate(new Date('2015-08-31T23:59:59.9995Z'))).toEqual({ ok: true, value: '2015-09-01' });
    expect(cellDate(42248)).toEqual({ ok: true, value: '2015-09-01' });
    expect(cellDate('01.09.2015')).toEqual({ ok: true, value: '2015-09-01' });
    expect(cellDate('1.9.2015')).toEqual({ ok: true, value: '2015-09-01' });
    expect(cellDate('2015-09-01')).toEqual({ ok: true, value: '2015-09-01' });
    expect(cellDate('42248')).toEqual({ ok: true, value: '2015-09-01' });
    expect(cellDate(null)).toEqual({ ok: true, value: '' });
  });

  it('refuses dates that do not exist or are not dates, in Russian', () => {
    expect(cellDate('31.02.2015')).toEqual({ ok: false, message: 'нет такой даты: «31.02.2015»' });
    expect(cellDate('вчера')).toMatchObject({ ok: false, message: expect.stringContaining('не распознана') });
    expect(cellDate(-5)).toMatchObject({ ok: false });
  });

  it('reports a formula without a stored value and cell errors', () => {
    expect(cellText({ formulaWithoutValue: '=A1' })).toMatchObject({ ok: false, message: expect.stringContaining('формула без значения (=A1)') });
    expect(cellDate({ cellError: '#N/A' })).toEqual({ ok: false, message: 'в ячейке ошибка #N/A' });
  });

  it('reads numbers as written and dates as ДД.ММ.ГГГГ in text columns', () => {
    expect(cellText(1023)).toEqual({ ok: true, value: '1023' });
    expect(cellText(79123456789)).toEqual({ ok: true, value: '79123456789' });
    expect(cellText(new Date('2015-09-01T00:00:00Z'))).toEqual({ ok: true, value: '01.09.2015' });
    expect(cellText('  5А\u00a0')).toEqual({ ok: true, value: '5А' });
  });
});
