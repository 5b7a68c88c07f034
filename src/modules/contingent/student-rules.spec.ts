import { decodeCursor, encodeCursor } from '../../common/pagination/pagination';
import { addDays, keysetClause, likePattern, pageOf, personFullName, VERIFICATION_MAX_AGE_DAYS } from './student-rules';

describe('student rules', () => {
  it('a card counts as unverified after 30 days (§4.3.6)', () => {
    expect(VERIFICATION_MAX_AGE_DAYS).toBe(30);
  });

  it('the full name leaves out a missing patronymic', () => {
    expect(personFullName({ surname: 'Ёлкина', name: 'Анна', patronymic: 'Сергеевна' })).toBe('Ёлкина Анна Сергеевна');
    expect(personFullName({ surname: 'Smith', name: 'John', patronymic: null })).toBe('Smith John');
  });

  it('a search is taken literally: % and _ are escaped', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('dates shift across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  describe('raw keyset pagination', () => {
    const keys = [
      { sql: 's.surname', cast: 'text' as const },
      { sql: 's.id', cast: 'uuid' as const },
    ];

    it('without a cursor orders only', () => {
      const values: unknown[] = [];
      const k = keysetClause(keys, undefined, (v) => (values.push(v), `$${values.length}`));
      expect(k).toEqual({ where: 'TRUE', orderBy: 's.surname ASC, s.id ASC' });
      expect(values).toEqual([]);
    });

    it('continues after the cursor, ascending or descending, with the values bound and cast', () => {
      const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
      const values: unknown[] = [];
      const bind = (v: unknown) => (values.push(v), `$${values.length}`);
      const k = keysetClause(keys, encodeCursor(['Иванов', id]), bind, 'desc');
      expect(k.where).toBe('(s.surname, s.id) < (CAST($1 AS text), CAST($2 AS uuid))');
      expect(k.orderBy).toBe('s.surname DESC, s.id DESC');
      expect(values).toEqual(['Иванов', id]);
      expect(keysetClause(keys, encodeCursor(['Иванов', id]), bind).where).toContain(') > (');
    });

    it('a forged cursor is refused (400), never reaching SQL', () => {
      expect(() => keysetClause(keys, encodeCursor(['Иванов', "1' OR '1'='1"]), () => '$1')).toThrow(/cursor/);
    });

    it('a page holds at most the limit and a cursor of its last row when there is more', () => {
      const rows = [1, 2, 3].map((n) => ({ n, id: `id${n}` }));
      const page = pageOf(rows, 2, (r) => [r.n, r.id], (r) => r.id);
      expect(page.items).toEqual(['id1', 'id2']);
      expect(decodeCursor(page.nextCursor as string, ['int', 'text'])).toEqual([2, 'id2']);
      expect(pageOf(rows, 3, (r) => [r.n], (r) => r.id).nextCursor).toBeNull();
    });
  });
});
