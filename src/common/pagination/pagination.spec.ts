import { ProblemError } from '../errors/problem';
import { decodeCursor, encodeCursor, KeysetCast, keysetClause, likePattern, pageOf } from './pagination';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function invalidCursor(cursor: string, casts: KeysetCast[]): ProblemError {
  try {
    decodeCursor(cursor, casts);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return e as ProblemError;
  }
  throw new Error(`expected ${cursor} to be refused`);
}

function expectInvalidCursor(cursor: string, casts: KeysetCast[]): void {
  const e = invalidCursor(cursor, casts);
  expect(e.status).toBe(400);
  expect(e.code).toBe('invalid-cursor');
  expect(e.errors).toEqual([{ field: 'cursor', message: 'is not a valid cursor' }]);
}

describe('encodeCursor / decodeCursor', () => {
  it('round-trips values of every cast', () => {
    const values = ['2026-09-01', 'Иванова Мария', 7, ID];
    const casts: KeysetCast[] = ['date', 'text', 'int', 'uuid'];
    expect(decodeCursor(encodeCursor(values), casts)).toEqual(values);
  });

  it('a cursor is URL-safe base64 (matches the PageQuery pattern)', () => {
    const cursor = encodeCursor(['Ёлкин ?/+ Пётр', 123_456, ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['text', 'int', 'uuid'])).toEqual(['Ёлкин ?/+ Пётр', 123_456, ID]);
  });

  it('accepts negative and zero integers and upper-case UUIDs', () => {
    expect(decodeCursor(encodeCursor([-3, 0, ID.toUpperCase()]), ['int', 'int', 'uuid'])).toEqual([-3, 0, ID.toUpperCase()]);
  });

  it.each(['%%%not-base64%%%', 'garbage', '', encodeCursor([]).slice(0, 1), Buffer.from('{"a":1}').toString('base64url')])(
    'garbage %j → 400 invalid-cursor',
    (cursor) => expectInvalidCursor(cursor, ['uuid']),
  );

  it('a JSON value that is not an array → 400 invalid-cursor', () => {
    expectInvalidCursor(Buffer.from(JSON.stringify(ID)).toString('base64url'), ['uuid']);
    expectInvalidCursor(Buffer.from('null').toString('base64url'), ['uuid']);
  });

  it('wrong arity → 400 invalid-cursor', () => {
    expectInvalidCursor(encodeCursor(['2026-09-01', ID]), ['uuid']);
    expectInvalidCursor(encodeCursor([ID]), ['date', 'uuid']);
    expectInvalidCursor(encodeCursor([]), ['uuid']);
  });

  it.each<[string, unknown, KeysetCast]>([
    ['not-a-uuid for uuid', 'not-a-uuid', 'uuid'],
    ['a uuid with SQL appended', `${ID}'; DROP TABLE users; --`, 'uuid'],
    ['a number for uuid', 42, 'uuid'],
    ['2026-02-30 for date', '2026-02-30', 'date'],
    ['a timestamp for date', '2026-09-01T00:00:00Z', 'date'],
    ['1.5 for int', 1.5, 'int'],
    ['a numeric string for int', '7', 'int'],
    ['an unsafe integer for int', 2 ** 60, 'int'],
    ['null for int', null, 'int'],
    ['a number for text', 7, 'text'],
    ['a very long text', 'x'.repeat(1001), 'text'],
  ])('a value that does not fit its cast (%s) → 400 invalid-cursor', (_, value, cast) => {
    expectInvalidCursor(encodeCursor([value as string | number | null]), [cast]);
  });

  it('text up to 1000 characters fits', () => {
    const long = 'я'.repeat(1000);
    expect(decodeCursor(encodeCursor([long]), ['text'])).toEqual([long]);
  });
});

describe('keyset pagination in SQL', () => {
  it('a search is taken literally: % and _ are escaped', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

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
