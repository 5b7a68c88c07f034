import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedDatabase, persistentSecret, startEmbeddedPostgres } from './embedded-postgres';

export interface Runtime {
  config: AppConfig;
  /** set when the embedded PostgreSQL serves this process */
  embedded?: EmbeddedDatabase;
  seedDemo: boolean;
}

/**
 * Resolves what the configuration leaves open: without DATABASE_URL an embedded PostgreSQL is started
 * and the token secret is kept in its data folder; with DATABASE_URL a JWT_SECRET is required.
 */
export async function prepareRuntime(config: AppConfig, log: (m: string) => void, options: { allowEmbedded: boolean }): Promise<Runtime> {
  if (config.DATABASE_URL) {
    if (!config.JWT_SECRET) throw new ConfigError(['JWT_SECRET: is required when DATABASE_URL is set (at least 32 characters)']);
    return { config, seedDemo: config.SEED_DEMO ?? false };
  }
  if (!options.allowEmbedded) {
    throw new ConfigError(['DATABASE_URL: is required for this process (the embedded database belongs to "npm start")']);
  }
  const dir = resolve(config.EMBEDDED_PG_DIR);
  const embedded = await startEmbeddedPostgres({ dir, port: config.EMBEDDED_PG_PORT, log });
  config.DATABASE_URL = embedded.url;
  config.embeddedDatabase = true;
  config.JWT_SECRET ??= persistentSecret(dir, 'jwt-secret', 48);
  return { config, embedded, seedDemo: config.SEED_DEMO ?? true };
}

/** Applies pending migrations (each in its own transaction); returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, 2, 'ejournal-migrate'), logging: ['error'] });
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** True when the database lacks a migration that this build has. */
export async function hasPendingMigrations(url: string): Promise<boolean> {
  const ds = new DataSource({ ...dataSourceOptions(url, 1, 'ejournal-migrate'), logging: ['error'] });
  await ds.initialize();
  try {
    return await ds.showMigrations();
  } finally {
    await ds.destroy();
  }
}
