import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { systemContext } from '../../common/context/request-context';
import { ConfigError, loadConfig } from '../../config/app-config';
import { generateOneTimePassword } from '../../modules/auth/passwords/password-policy';
import { LOGIN_MESSAGE, LOGIN_PATTERN } from '../../modules/users/user-rules';
import { setAuditContext } from '../audit-context.subscriber';
import { dataSourceOptions } from '../data-source-options';
import { ENTITIES } from '../entities';
import { prepareRuntime, runMigrations } from '../runtime';
import { insertOperator, LoginTakenError } from '../seed/seed-operator';

/**
 * `npm run operator:create -- --login <login> --full-name "<ФИО>"`: creates a regional operator (no school; creates
 * schools and their first admins) and prints a one-time password that must be changed at the first sign-in.
 */
export function parseArgs(argv: string[]): { login: string; fullName: string } {
  let login: string | undefined;
  let fullName: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--login') login = argv[++i];
    else if (argv[i] === '--full-name') fullName = argv[++i];
    else throw new ConfigError([`${argv[i]}: unknown argument (use --login <login> --full-name "<ФИО>")`]);
  }
  const problems: string[] = [];
  if (!login || !LOGIN_PATTERN.test(login)) problems.push(`--login: ${LOGIN_MESSAGE}`);
  if (!fullName || !fullName.trim() || fullName.length > 300) problems.push('--full-name: the ФИО, 1–300 characters');
  if (problems.length > 0) throw new ConfigError(problems);
  return { login: login as string, fullName: fullName as string };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const runtime = await prepareRuntime(config, (m) => process.stdout.write(`${m}\n`), { allowEmbedded: true });
  const ds = new DataSource({ ...dataSourceOptions(config.DATABASE_URL as string, 1, 'ejournal-cli'), entities: ENTITIES });
  try {
    await runMigrations(config.DATABASE_URL as string);
    await ds.initialize();
    const password = generateOneTimePassword(args.login);
    await ds.transaction(async (m) => {
      await setAuditContext(m, systemContext('cli:create-operator'));
      await insertOperator(m, { login: args.login, fullName: args.fullName, password, mustChangePassword: true });
    });
    process.stdout.write(
      `Regional operator "${args.login}" created.\nOne-time password: ${password}\n` +
        'It is shown only now and must be changed at the first sign-in.\n',
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await runtime.embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(
      e instanceof ConfigError || e instanceof LoginTakenError
        ? `${e.message}\n`
        : `Creating the operator failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  });
}
