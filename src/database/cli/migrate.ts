import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../config/app-config';
import { prepareRuntime, runMigrations } from '../runtime';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL (or to the embedded database) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await prepareRuntime(config, (m) => process.stdout.write(`${m}\n`), { allowEmbedded: true });
  try {
    const applied = await runMigrations(config.DATABASE_URL as string);
    process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations\n');
  } finally {
    await runtime.embedded?.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(e instanceof ConfigError ? `${e.message}\n` : `Migration failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
