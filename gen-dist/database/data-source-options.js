"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSourceOptions = dataSourceOptions;
const pg_1 = require("pg");
const audit_context_subscriber_1 = require("./audit-context.subscriber");
const migrations_1 = require("./migrations");
const snake_naming_strategy_1 = require("./snake-naming.strategy");
// `date` values stay 'YYYY-MM-DD' strings: school-local calendar dates, never shifted by the process time zone.
pg_1.types.setTypeParser(pg_1.types.builtins.DATE, (v) => v);
/** Connection options shared by the api, the worker, the migration CLI and the tests. */
function dataSourceOptions(url, poolSize = 10, applicationName = 'ejournal') {
    return {
        type: 'postgres',
        url,
        namingStrategy: new snake_naming_strategy_1.SnakeNamingStrategy(),
        migrations: migrations_1.MIGRATIONS,
        subscribers: [audit_context_subscriber_1.AuditContextSubscriber],
        migrationsTableName: 'migrations',
        migrationsTransactionMode: 'each',
        synchronize: false,
        // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install
        uuidExtension: 'pgcrypto',
        installExtensions: false,
        logging: ['error', 'warn', 'migration'],
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
//# sourceMappingURL=data-source-options.js.map