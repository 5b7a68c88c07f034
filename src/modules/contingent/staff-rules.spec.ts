import { normalizeNamePart, normalizeOptionalNamePart, normalizePositions, staffFullName } from './staff-rules';

describe('staff rules', () => {
  it('name parts are trimmed and inner spaces collapsed; an empty patronymic is none', () => {
    expect(normalizeNamePart('  Салтыков   Щедрин ')).toBe('Салтыков Щедрин');
    expect(normalizeOptionalNamePart('   ')).toBeNull();
    expect(normalizeOptionalNamePart(null)).toBeNull();
    expect(normalizeOptionalNamePart(undefined)).toBeUndefined();
  });

  it('positions drop blanks and repeats (regardless of case), keeping the order given', () => {
    expect(normalizePositions([' учитель математики', '', 'Учитель математики', 'заместитель директора по УВР'])).toEqual([
      'учитель математики',
      'заместитель директора по УВР',
    ]);
  });

  it('the full name leaves out a missing patronymic', () => {
    expect(staffFullName({ surname: 'Ёлкин', name: 'Пётр', patronymic: null })).toBe('Ёлкин Пётр');
    expect(staffFullName({ surname: 'Ёлкин', name: 'Пётр', patronymic: 'Ильич' })).toBe('Ёлкин Пётр Ильич');
  });
});
