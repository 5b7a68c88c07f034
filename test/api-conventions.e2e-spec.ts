import { bearer, createTestApp, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('API conventions: problem+json, request ids, headers, CORS, body limit', () => {
  let t: TestApp;
  let school: TestSchool;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://school.example.ru', BODY_LIMIT: '2048' });
    school = await seedTestSchool(t, 1);
    admin = await bearer(t, school.logins.admin);
  });
  afterAll(() => t.close());

  it('an unknown route answers 404 problem+json with code route-not-found', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      type: 'urn:ejournal:error:route-not-found',
      status: 404,
      code: 'route-not-found',
      instance: '/api/v1/no-such-thing',
    });
    expect(res.body.correlationId).toBe(res.headers['x-request-id']);
  });

  it('a malformed JSON body answers 400 problem+json with code malformed-body', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"login": "admin.s1", "password": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('malformed-body');
  });

  it('an invalid field answers 422 with errors naming the field', async () => {
    const res = await t.http
      .patch(`/api/v1/schools/${school.id}/settings`)
      .set('authorization', admin)
      .send({ minMarksForAttestation: 'three' })
      .expect(422);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('validation-failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'minMarksForAttestation' })]));
  });

  it('a body over the configured limit answers 413 payload-too-large', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ login: 'x'.repeat(4096), password: 'y' })
      .expect(413);
    expect(res.body.code).toBe('payload-too-large');
  });

  it('an unsupported content type answers 415', async () => {
    const res = await t.http.post('/api/v1/auth/login').set('content-type', 'application/xml').send('<login/>').expect(415);
    expect(res.body.code).toBe('unsupported-media-type');
  });

  it('a valid X-Request-Id from the caller is kept; an invalid one is replaced', async () => {
    const kept = await t.http.get('/api/v1/nothing').set('x-request-id', 'front-end.42').expect(404);
    expect(kept.headers['x-request-id']).toBe('front-end.42');
    expect(kept.body.correlationId).toBe('front-end.42');
    const replaced = await t.http.get('/api/v1/nothing').set('x-request-id', 'bad id with spaces').expect(404);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('security headers are sent', async () => {
    const res = await t.http.get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('CORS answers only origins on the allow-list', async () => {
    const allowed = await t.http
      .options('/api/v1/auth/login')
      .set('origin', 'https://school.example.ru')
      .set('access-control-request-method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://school.example.ru');
    const denied = await t.http
      .options('/api/v1/auth/login')
      .set('origin', 'https://evil.example.com')
      .set('access-control-request-method', 'POST');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a malformed id in the path answers 400, not 500', async () => {
    const res = await t.http.get('/api/v1/mark-types/not-a-uuid').set('authorization', admin).expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('Russian text is stored and returned as UTF-8', async () => {
    const name = 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1» г. Красноярска';
    await t.http.patch(`/api/v1/schools/${school.id}`).set('authorization', admin).send({ name }).expect(200);
    const res = await t.http.get(`/api/v1/schools/${school.id}`).set('authorization', admin).expect(200);
    expect(res.headers['content-type']).toMatch(/charset=utf-8/);
    expect(res.body.name).toBe(name);
  });
});
