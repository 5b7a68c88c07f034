"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareRuntime = prepareRuntime;
exports.runMigrations = runMigrations;
exports.hasPendingMigrations = hasPendingMigrations;
const node_path_1 = require("node:path");
const typeorm_1 = require("typeorm");
const app_config_1 = require("../config/app-config");
const data_source_options_1 = require("./data-source-options");
const embedded_postgres_1 = require("./embedded-postgres");
/**
 * Resolves what the configuration leaves open: without DATABASE_URL an embedded PostgreSQL is started
 * and the token secret is kept in its data folder; with DATABASE_URL a JWT_SECRET is required.
 */
async function prepareRuntime(config, log, options) {
    if (config.DATABASE_URL) {
        if (!config.JWT_SECRET)
            throw new app_config_1.ConfigError(['JWT_SECRET: is required when DATABASE_URL is set (at least 32 characters)']);
        return { config, seedDemo: config.SEED_DEMO ?? false };
    }
    if (!options.allowEmbedded) {
        throw new app_config_1.ConfigError(['DATABASE_URL: is required for this process (the embedded database belongs to "npm start")']);
    }
    const dir = (0, node_path_1.resolve)(config.EMBEDDED_PG_DIR);
    const embedded = await (0, embedded_postgres_1.startEmbeddedPostgres)({ dir, port: config.EMBEDDED_PG_PORT, log });
    config.DATABASE_URL = embedded.url;
    config.embeddedDatabase = true;
    config.JWT_SECRET ??= (0, embedded_postgres_1.persistentSecret)(dir, 'jwt-secret', 48);
    return { config, embedded, seedDemo: config.SEED_DEMO ?? true };
}
/** Applies pending migrations (each in its own transaction); returns their names. */
async function runMigrations(url) {
    const ds = new typeorm_1.DataSource({ ...(0, data_source_options_1.dataSourceOptions)(url, 2, 'ejournal-migrate'), logging: ['error'] });
    await ds.initialize();
    try {
        const done = await ds.runMigrations({ transaction: 'each' });
        return done.map((m) => m.name);
    }
    finally {
        await ds.destroy();
    }
}
/** True when the database lacks a migration that this build has. */
async function hasPendingMigrations(url) {
    const ds = new typeorm_1.DataSource({ ...(0, data_source_options_1.dataSourceOptions)(url, 1, 'ejournal-migrate'), logging: ['error'] });
    await ds.initialize();
    try {
        return await ds.showMigrations();
    }
    finally {
        await ds.destroy();
    }
}
//# sourceMappingURL=runtime.js.map