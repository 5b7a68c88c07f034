import {
  InternalServerErrorException,
  BadRequestException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { conflict, fieldProblem, ProblemDetails, ProblemError } from './problem';
import { toProblem } from './problem-exception.filter';

const REQUEST_ID = 'req-0f8fad5b';
const PATH = '/api/v1/things';

function problem(exception: unknown): { body: ProblemDetails; cause?: unknown } {
  return toProblem(exception, REQUEST_ID, PATH);
}

function fastifyError(code: string, statusCode: number, message = 'x'): Error {
  return Object.assign(new Error(message), { code, statusCode });
}

function queryFailed(code: string): QueryFailedError {
  return new QueryFailedError('q', [], Object.assign(new Error('dup'), { code }));
}

/** Every kind of exception the filter meets; each result must follow the common shape. */
const SAMPLES: [string, unknown][] = [
  ['ProblemError', fieldProblem('bells-overlap', 'bells[1].startsAt', 'must not be before 08:45')],
  ['NotFoundException', new NotFoundException('Cannot GET /x')],
  ['malformed JSON', new HttpException('Body is not valid JSON', 400, { cause: fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400) })],
  ['body too large', new HttpException('Request body is too large', 413, { cause: fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413) })],
  ['terminus 503', new ServiceUnavailableException({ status: 'error', details: { database: { status: 'down' } } })],
  ['unique violation', queryFailed('23505')],
  ['unknown error', new Error('secret internals')],
  ['a thrown string', 'boom'],
  ['undefined', undefined],
];

describe('toProblem', () => {
  it.each(SAMPLES)('%s: type is urn:ejournal:error:<code>, correlationId is the request id, instance is the path', (_, exception) => {
    const { body } = problem(exception);
    expect(body.type).toBe(`urn:ejournal:error:${body.code}`);
    expect(body.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(body.correlationId).toBe(REQUEST_ID);
    expect(body.instance).toBe(PATH);
    expect(body.status).toBeGreaterThanOrEqual(400);
    expect(typeof body.title).toBe('string');
  });

  it('a ProblemError passes its status, code, title, detail and errors through', () => {
    const errors = [{ field: 'bells[1].startsAt', message: 'must not be before the end of lesson 1 (08:45)' }];
    const { body, cause } = problem(new ProblemError(422, 'bells-overlap', 'Validation failed', 'bells overlap', errors));
    expect(body).toEqual({
      type: 'urn:ejournal:error:bells-overlap',
      title: 'Validation failed',
      status: 422,
      detail: 'bells overlap',
      code: 'bells-overlap',
      correlationId: REQUEST_ID,
      instance: PATH,
      errors,
    });
    expect(cause).toBeUndefined();
  });

  it('a ProblemError carries its extensions and leaves out empty errors', () => {
    const { body } = problem(conflict('in-use', 'The year has classes', { usedBy: 3 }));
    expect(body.status).toBe(409);
    expect(body.code).toBe('in-use');
    expect((body as unknown as Record<string, unknown>).usedBy).toBe(3);
    expect(body).not.toHaveProperty('errors');
    expect(problem(new ProblemError(400, 'x', 'X', undefined, [])).body).not.toHaveProperty('errors');
  });

  it("Nest's unknown-route NotFoundException → 404 route-not-found", () => {
    const { body } = problem(new NotFoundException('Cannot GET /x'));
    expect(body.status).toBe(404);
    expect(body.code).toBe('route-not-found');
    expect(body.detail).toBe('No route for GET /x');
  });

  it('any other NotFoundException → 404 not-found with its message', () => {
    const { body } = problem(new NotFoundException('Pupil not found'));
    expect(body.status).toBe(404);
    expect(body.code).toBe('not-found');
    expect(body.detail).toBe('Pupil not found');
  });

  it('malformed JSON from Fastify → 400 malformed-body', () => {
    const exception = new HttpException('Body is not valid JSON but content-type is set to \'application/json\'', 400, {
      cause: fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400),
    });
    const { body } = problem(exception);
    expect(body.status).toBe(400);
    expect(body.code).toBe('malformed-body');
    expect(body.type).toBe('urn:ejournal:error:malformed-body');
  });

  it('a Fastify error reaching the filter unwrapped is recognised too', () => {
    const { body } = problem(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'Unsupported Media Type: text/csv'));
    expect(body.status).toBe(415);
    expect(body.code).toBe('unsupported-media-type');
  });

  it('a body too large → 413 payload-too-large', () => {
    const exception = new HttpException('Request body is too large', 413, { cause: fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413) });
    const { body } = problem(exception);
    expect(body.status).toBe(413);
    expect(body.code).toBe('payload-too-large');
  });

  it('a terminus 503 → 503 not-ready with the checks', () => {
    const details = { database: { status: 'down', message: 'timeout' }, redis: { status: 'up' } };
    const { body } = problem(new ServiceUnavailableException({ status: 'error', info: {}, error: {}, details }));
    expect(body.status).toBe(503);
    expect(body.code).toBe('not-ready');
    expect((body as unknown as Record<string, unknown>).checks).toEqual(details);
  });

  it('a plain 503 without checks stays service-unavailable', () => {
    const { body } = problem(new ServiceUnavailableException('maintenance'));
    expect(body.status).toBe(503);
    expect(body.code).toBe('service-unavailable');
    expect(body).not.toHaveProperty('checks');
  });

  it('other HttpExceptions map to the generic code of their status', () => {
    const forbidden = problem(new ForbiddenException()).body;
    expect(forbidden.status).toBe(403);
    expect(forbidden.code).toBe('forbidden');
    const bad = problem(new BadRequestException(['a is wrong', 'b is wrong'])).body;
    expect(bad.status).toBe(400);
    expect(bad.code).toBe('bad-request');
    expect(bad.detail).toBe('a is wrong; b is wrong');
    const teapot = problem(new HttpException('short and stout', 418)).body;
    expect(teapot.status).toBe(418);
    expect(teapot.code).toBe('bad-request');
  });

  it('a unique violation from PostgreSQL (23505) → 409 duplicate', () => {
    const exception = queryFailed('23505');
    const { body, cause } = problem(exception);
    expect(body.status).toBe(409);
    expect(body.code).toBe('duplicate');
    expect(body.detail).not.toContain('dup');
    expect(cause).toBe(exception);
  });

  it('a foreign-key violation (23503) → 409 in-use; a bad value (22P02) → 422', () => {
    expect(problem(queryFailed('23503')).body).toMatchObject({ status: 409, code: 'in-use' });
    expect(problem(queryFailed('22P02')).body).toMatchObject({ status: 422, code: 'validation-failed' });
  });

  it('any other database error → 500 internal-error', () => {
    expect(problem(queryFailed('40001')).body).toMatchObject({ status: 500, code: 'internal-error' });
  });

  it('an unknown Error → 500 internal-error whose detail does not leak the error message', () => {
    const exception = new Error('password=hunter2 at /srv/app/secret.ts');
    const { body, cause } = problem(exception);
    expect(body.status).toBe(500);
    expect(body.code).toBe('internal-error');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.detail).toContain('correlationId');
    expect(cause).toBe(exception);
  });

  it('a body-parser SyntaxError (statusCode 400) → 400 malformed-body', () => {
    const { body } = problem(Object.assign(new SyntaxError('Unexpected token } at position 9'), { statusCode: 400 }));
    expect(body.status).toBe(400);
    expect(body.code).toBe('malformed-body');
  });

  it('a client error with a statusCode (e.g. from a Fastify plugin) keeps its status', () => {
    const { body } = problem(Object.assign(new Error('Too many'), { statusCode: 429 }));
    expect(body.status).toBe(429);
    expect(body.code).toBe('too-many-requests');
  });

  it('a SyntaxError thrown by our own code is a 500 and is logged, not the client\'s malformed body', () => {
    let thrown: unknown;
    try {
      JSON.parse('{bad');
    } catch (e) {
      thrown = e;
    }
    const result = problem(thrown);
    expect(result.body.status).toBe(500);
    expect(result.body.code).toBe('internal-error');
    expect(result.cause).toBe(thrown);
  });

  it('a 5xx HttpException never sends its message to the client', () => {
    const result = problem(new InternalServerErrorException('db password=hunter2'));
    expect(result.body.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('hunter2');
    expect(result.cause).toBeDefined();
  });

  it('extensions cannot overwrite the core members of a problem', () => {
    const { body } = problem(new ProblemError(409, 'x', 'X', 'd', undefined, { status: 200, correlationId: 'fake', extra: 1 }));
    expect(body.status).toBe(409);
    expect(body.correlationId).not.toBe('fake');
    expect((body as unknown as { extra: number }).extra).toBe(1);
  });
});
