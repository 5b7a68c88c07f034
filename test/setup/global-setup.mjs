// Runs once before the e2e suites: finds a PostgreSQL (the machine's when TEST_DATABASE_URL is set, otherwise
// an embedded one), migrates a template database once, and tells the suites its name through the environment.
// Each suite clones the template (CREATE DATABASE … TEMPLATE …), so suites never see each other's rows.
import { createRequire } from 'node:module';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  const { runMigrations } = require('../../dist/database/runtime.js');
  const pg = require('pg');
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const { startEmbeddedPostgres } = require('../../dist/database/embedded-postgres.js');
    const dir = mkdtempSync(join(tmpdir(), 'ejournal-test-'));
    chmodSync(dir, 0o711); // as root, the server runs as "postgres" and must enter it
    const db = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'postgres_test' });
    globalThis.__EJOURNAL_EMBEDDED__ = { db, dir };
    adminUrl = db.url;
    process.stdout.write(`\n[e2e] embedded PostgreSQL in ${dir}\n`);
  }
  const template = `ejournal_tpl_${process.pid}_${Date.now()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${template}" ENCODING 'UTF8'`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  await runMigrations(url.toString());
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
  globalThis.__EJOURNAL_TEMPLATE__ = { adminUrl, template };
}
