import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../config/app-config';
import { dataSourceOptions } from '../data-source-options';
import { ENTITIES } from '../entities';
import { prepareRuntime, runMigrations } from '../runtime';
import { currentAcademicStartYear, generateSchool } from '../seed/generator';
import { readablePassword } from '../seed/demo-seeder';
import { schoolUsers, seedSchool } from '../seed/seed-school';

/**
 * `npm run seed -- --schools N [--password P]`: fills the database with N generated schools
 * («МБОУ СШ № 1» … «№ N»), each with one user per role (login `<role>.s<k>`); schools already there are skipped.
 */
function parseArgs(argv: string[]): { schools: number; password: string } {
  let schools = 1;
  let password: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schools') schools = Number(argv[++i]);
    else if (argv[i] === '--password') password = argv[++i];
    else throw new ConfigError([`${argv[i]}: unknown argument (use --schools N [--password P])`]);
  }
  if (!Number.isInteger(schools) || schools < 1 || schools > 2000) throw new ConfigError(['--schools: must be a whole number from 1 to 2000']);
  if (password !== undefined && (password.length < 8 || password.length > 128)) throw new ConfigError(['--password: must be 8–128 characters']);
  return { schools, password: password ?? readablePassword() };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const runtime = await prepareRuntime(config, (m) => process.stdout.write(`${m}\n`), { allowEmbedded: true });
  const ds = new DataSource({ ...dataSourceOptions(config.DATABASE_URL as string, 2, 'ejournal-seed'), entities: ENTITIES });
  try {
    await runMigrations(config.DATABASE_URL as string);
    await ds.initialize();
    const startYear = currentAcademicStartYear(new Date());
    let created = 0;
    const started = Date.now();
    for (let k = 1; k <= args.schools; k++) {
      const g = generateSchool({ seed: k, startYear, schoolNumber: k });
      const exists = await ds.query('SELECT 1 FROM app_user WHERE lower(login) = lower($1)', [`admin.s${k}`]);
      if (exists.length > 0) continue;
      await ds.transaction((m) => seedSchool(m, g, schoolUsers(g, k, args.password)));
      created++;
    }
    process.stdout.write(
      `Seeded ${created} school(s) in ${((Date.now() - started) / 1000).toFixed(1)} s (${args.schools - created} already there).\n` +
        (created > 0 ? `Logins: <role>.s<k> (e.g. admin.s1, teacher.s2), password: ${args.password}\n` : ''),
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await runtime.embedded?.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(e instanceof ConfigError ? `${e.message}\n` : `Seeding failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
