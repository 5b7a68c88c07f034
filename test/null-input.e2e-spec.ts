import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Role } from '../src/common/access/role';
import { ACCESS_MATRIX, SAMPLE_BODIES } from './access-matrix';
import { bearer, createTestApp, seedOperator, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

/**
 * A JSON `null` sent for a property the contract does not mark nullable is refused by validation (422 naming the
 * property) on every operation that takes a body — it never reaches a NOT NULL column to come back as a 500.
 * Walks openapi/openapi.json, so a new write operation is covered without being listed here.
 */
interface Schema {
  $ref?: string;
  properties?: Record<string, Schema & { nullable?: boolean }>;
}

const spec = JSON.parse(readFileSync(resolve(__dirname, '..', 'openapi', 'openapi.json'), 'utf8'));
const schemas = spec.components.schemas as Record<string, Schema>;
const deref = (s: Schema): Schema => (s.$ref ? deref(schemas[s.$ref.replace('#/components/schemas/', '')]) : s);

interface BodyCase {
  operationId: string;
  method: 'post' | 'put' | 'patch';
  path: string;
  property: string;
}

const cases: BodyCase[] = Object.entries(spec.paths as Record<string, Record<string, Record<string, any>>>).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method, op]) => ['post', 'put', 'patch'].includes(method) && op.requestBody?.content?.['application/json']?.schema)
    .flatMap(([method, op]) => {
      const schema = deref(op.requestBody.content['application/json'].schema as Schema);
      return Object.entries(schema.properties ?? {})
        .filter(([, p]) => p.nullable !== true)
        .map(([property]) => ({ operationId: op.operationId as string, method: method as BodyCase['method'], path, property }));
    }),
);

describe('null for a property that is not nullable answers 422, on every operation with a body', () => {
  let t: TestApp;
  let school: TestSchool;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await createTestApp();
    school = await seedTestSchool(t, 1);
    tokens[Role.Admin] = await bearer(t, school.logins.admin);
    tokens[Role.Teacher] = await bearer(t, school.logins.teacher);
    await seedOperator(t, 'operator.null');
    tokens[Role.Operator] = await bearer(t, 'operator.null');
  }, 60_000);
  afterAll(() => t.close());

  it('the contract has write operations with bodies to check', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it('each such property, sent as null, is refused by validation and named in the answer', async () => {
    const failures: unknown[] = [];
    for (const c of cases) {
      const row = ACCESS_MATRIX[c.operationId];
      const role = row === 'public' ? null : ([Role.Admin, Role.Operator, Role.Teacher].find((r) => row.includes(r)) ?? null);
      if (row !== 'public' && !role) throw new Error(`${c.operationId}: no test token for its roles`);
      const url = c.path.replace(/\{\w+\}/g, () => randomUUID());
      let req = t.http[c.method](url).send({ ...(SAMPLE_BODIES[c.operationId] as object | undefined), [c.property]: null });
      if (role) req = req.set('authorization', tokens[role]);
      const res = await req;
      const fields = ((res.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
      if (res.status !== 422 || !fields.includes(c.property)) {
        failures.push({ op: c.operationId, property: c.property, status: res.status, code: res.body.code, fields });
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
