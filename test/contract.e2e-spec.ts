import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { CONFIG_VARIABLES } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ENTITIES } from '../src/database/entities';
import { cloneTemplateDatabase, createTestApp, dropDatabase } from './utils/test-app';

const root = resolve(__dirname, '..');
const specText = readFileSync(resolve(root, 'openapi', 'openapi.json'), 'utf8');
const spec = JSON.parse(specText);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

describe('the checked-in contract and schema', () => {
  it('openapi/openapi.json is what the code generates (run "npm run openapi" after changing the API)', () => {
    const generated = execFileSync(process.execPath, [resolve(root, 'dist', 'openapi', 'generate-openapi.js'), '--stdout'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '' },
    });
    expect(generated).toEqual(specText);
  });

  it('every operation has an operationId, a summary, a tag, a security declaration and documented errors', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(spec.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const op = item[method] as {
          operationId?: string;
          summary?: string;
          tags?: string[];
          security?: unknown[];
          responses: Record<string, { content?: Record<string, unknown> }>;
        };
        const where = `${method.toUpperCase()} ${path}`;
        expect({ where, operationId: typeof op.operationId }).toEqual({ where, operationId: 'string' });
        expect(ids.has(op.operationId as string)).toBe(false);
        ids.add(op.operationId as string);
        expect({ where, summary: (op.summary ?? '').length > 5 }).toEqual({ where, summary: true });
        expect({ where, tagged: (op.tags ?? []).length > 0 }).toEqual({ where, tagged: true });
        expect({ where, security: Array.isArray(op.security) }).toEqual({ where, security: true });
        const errors = Object.keys(op.responses).filter((s) => /^[45]/.test(s));
        expect({ where, errors: errors.length > 0 }).toEqual({ where, errors: true });
        for (const s of errors) {
          expect({ where, s, problem: Object.keys(op.responses[s].content ?? {}) }).toEqual({
            where,
            s,
            problem: ['application/problem+json'],
          });
        }
      }
    }
  });

  it('the schema made by the migrations is exactly what the entities describe (no drift)', async () => {
    const url = await cloneTemplateDatabase();
    const ds = new DataSource({ ...dataSourceOptions(url, 1), entities: ENTITIES });
    try {
      await ds.initialize();
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await dropDatabase(url);
    }
  });

  it('the entity list of the migration CLI is the list the application registers', async () => {
    const t = await createTestApp();
    try {
      const registered = t.db.entityMetadatas.map((m) => m.name).sort();
      expect(ENTITIES.map((e) => e.name).sort()).toEqual(registered);
    } finally {
      await t.close();
    }
  });

  it('.env.example lists every configuration variable and nothing else', () => {
    const names = readFileSync(resolve(root, '.env.example'), 'utf8')
      .split('\n')
      .map((l) => /^([A-Z_][A-Z0-9_]*)=/.exec(l)?.[1])
      .filter((n): n is string => Boolean(n));
    expect([...names].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
