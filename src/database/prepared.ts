import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';

/** What node-postgres's Client and Pool both answer: a named statement with its values. */
interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Statement names by text; the texts are the code's own constants (a few per hot read), so this stays small. */
const names = new Map<string, string>();
const MAX_NAMES = 1_000;

/** The statement's name: a digest of its text, so one text has one name on every connection. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `ej_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size < MAX_NAMES) names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot read as a named (prepared) statement: PostgreSQL parses it once per connection and, after its first
 * executions, keeps a generic plan when that plan is no worse — the planning of a many-join statement (milliseconds)
 * is then paid once per connection instead of on every request. Inside a transaction the statement runs on the
 * transaction's connection; otherwise on the pool. Only for constant texts with `$n` parameters (never values
 * spliced into the text: each text is a statement kept on every connection). Errors are TypeORM's
 * QueryFailedError, as from `manager.query`, so the problem filter maps them the same way.
 */
export async function preparedQuery<T>(m: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = m.queryRunner as (EntityManager['queryRunner'] & { connect(): Promise<PgQueryable> }) | undefined;
  const target: PgQueryable = runner ? await runner.connect() : (m.connection.driver as unknown as { master: PgQueryable }).master;
  try {
    return (await target.query({ name: statementName(text), text, values })).rows as T[];
  } catch (e) {
    throw new QueryFailedError(text, values, e as Error);
  }
}
