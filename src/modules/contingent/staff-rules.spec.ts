import { normalizeNamePart, normalizeOptionalNamePart, normalizePositions } from './staff-rules';

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
});
