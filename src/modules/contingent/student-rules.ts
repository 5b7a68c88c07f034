import { decodeCursor, encodeCursor, KeysetCast } from '../../common/pagination/pagination';

/**
 * §4.3.6 (R-CON-7): the class teacher confirms each student's personal data monthly; a card whose last confirmation
 * is older than this many days (or that was never confirmed) is listed as unverified.
 */
export const VERIFICATION_MAX_AGE_DAYS = 30;

/** A list's sort key for raw keyset pagination: SQL expression, the SQL type its cursor value is cast to. */
export interface RawKey {
  sql: string;
  cast: KeysetCast;
}

/**
 * Keyset pagination for a raw SQL list: the condition continuing after the cursor and the ORDER BY clause, all keys
 * in one direction (`asc` or `desc`). The last key must be unique (the id).
 */
export function keysetClause(
  keys: RawKey[],
  cursor: string | undefined,
  bind: (value: unknown) => string,
  direction: 'asc' | 'desc' = 'asc',
): { where: string; orderBy: string } {
  const order = direction === 'asc' ? 'ASC' : 'DESC';
  const orderBy = keys.map((k) => `${k.sql} ${order}`).join(', ');
  if (!cursor) return { where: 'TRUE', orderBy };
  const values = decodeCursor(cursor, keys.map((k) => k.cast));
  const left = keys.map((k) => k.sql).join(', ');
  const right = keys.map((k, i) => `CAST(${bind(values[i])} AS ${k.cast})`).join(', ');
  return { where: `(${left}) ${direction === 'asc' ? '>' : '<'} (${right})`, orderBy };
}

/** Cuts the `limit + 1` rows read into one page and the cursor of the next. */
export function pageOf<R, T>(rows: R[], limit: number, keyOf: (row: R) => Array<string | number | null>, map: (row: R) => T): {
  items: T[];
  nextCursor: string | null;
} {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return { items: pageRows.map(map), nextCursor: more ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}

/** A LIKE pattern matching `q` as a literal substring. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** «Иванов Иван Иванович» from the parts (no patronymic: two words). */
export function personFullName(p: { surname: string; name: string; patronymic: string | null }): string {
  return [p.surname, p.name, p.patronymic].filter((x): x is string => !!x).join(' ');
}

/** An ISO date shifted by whole days ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}
