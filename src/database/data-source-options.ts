import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { AuditContextSubscriber } from './audit-context.subscriber';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { SafeTypeOrmLogger } from './typeorm-logger';

// `date` values stay 'YYYY-MM-DD' strings: school-local calendar dates, never shifted by the process time zone.
types.setTypeParser(types.builtins.DATE, (v: string) => v);

/** Connection options shared by the api, the worker, the migration CLI and the tests. */
export function dataSourceOptions(url: string, poolSize = 10, applicationName = 'ejournal'): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    subscribers: [AuditContextSubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error', 'warn', 'migration'],
    logger: new SafeTypeOrmLogger(),
    maxQueryExecutionTime: 2_000,
    applicationName,
    poolSize,
    extra: {
      // a request never waits forever for a connection or a statement
      connectionTimeoutMillis: 10_000,
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}
