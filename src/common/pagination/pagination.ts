import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ProblemError } from '../errors/problem';
import { isRealIsoDate } from '../validation/validators';
import { Optional } from '../validation/optional';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

/** `?limit=&cursor=` of every list. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT, description: 'Items per page' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor' })
  @Optional()
  @IsString()
  @MaxLength(1024)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'is not a valid cursor' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor value fits the SQL type it will be cast to (a forged cursor must not reach the database). */
function fits(value: unknown, cast: KeysetCast): boolean {
  switch (cast) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'date':
      return isRealIsoDate(value);
    case 'int':
      return Number.isSafeInteger(value);
    case 'bigint':
      return typeof value === 'string' && /^[0-9]{1,18}$/.test(value);
    case 'text':
      return typeof value === 'string' && value.length <= 1000;
  }
}

export function decodeCursor(cursor: string, casts: KeysetCast[]): CursorValue[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === casts.length && parsed.every((v, i) => fits(v, casts[i]))) {
      return parsed as CursorValue[];
    }
  } catch {
    /* fall through */
  }
  throw new ProblemError(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is not one this API issued', [
    { field: 'cursor', message: 'is not a valid cursor' },
  ]);
}

export type KeysetCast = 'uuid' | 'date' | 'int' | 'bigint' | 'text';

export interface KeysetKey {
  /** SQL expression of the sort key, e.g. `y.starts_on` or `p.surname COLLATE "ru-RU-x-icu"`; the last key must be unique (the id). */
  sql: string;
  /** SQL type of the key; cursor values are checked against it and cast to it. */
  cast: KeysetCast;
}

/**
 * Keyset pagination on a query builder: orders by the keys (ascending), continues after the cursor,
 * reads one row more than asked to know whether there is a next page.
 */
export async function paginate<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  keys: KeysetKey[],
  query: PageQuery,
  keyOf: (row: E) => CursorValue[],
  map: (row: E) => T,
): Promise<Page<T>> {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const params: Record<string, unknown> = {};
  const keyset = keysetClause(keys, query.cursor, (value) => {
    const name = `__c${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  });
  if (query.cursor) qb.andWhere(keyset.where, params);
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.sql, 'ASC') : qb.addOrderBy(k.sql, 'ASC')));
  return pageOf(await qb.limit(limit + 1).getMany(), limit, keyOf, map);
}

/**
 * Keyset pagination in SQL: the condition continuing after the cursor and the ORDER BY clause, all keys in one
 * direction (`asc` or `desc`). The last key must be unique (the id). `bind` turns a value into a placeholder (named
 * for a query builder, positional for raw SQL).
 */
export function keysetClause(
  keys: KeysetKey[],
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

/** Documents a `{ items, nextCursor }` answer. */
export function ApiPageResponse(model: ClassType<unknown>, description = 'One page of items'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          nextCursor: { type: 'string', nullable: true, description: 'Cursor of the next page; null on the last page' },
        },
      },
    }),
  );
}
