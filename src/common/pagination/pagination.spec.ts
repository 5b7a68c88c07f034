import { ProblemError } from '../errors/problem';
import { decodeCursor, encodeCursor, KeysetCast } from './pagination';

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
