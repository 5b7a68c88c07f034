import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';

const require = createRequire(import.meta.url);

export default async function globalTeardown() {
  const info = globalThis.__EJOURNAL_TEMPLATE__;
  if (info) {
    const pg = require('pg');
    const client = new pg.Client({ connectionString: info.adminUrl });
    await client.connect();
    // suites drop their own clones; drop any a crashed suite left behind, then the template
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${info.template.replace('_tpl_', '_t_')}%`]);
    for (const r of rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${info.template}" WITH (FORCE)`);
    await client.end();
  }
  const embedded = globalThis.__EJOURNAL_EMBEDDED__;
  if (embedded) {
    await embedded.db.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
