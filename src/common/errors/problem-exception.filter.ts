import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ERROR_URN_PREFIX, FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemError } from './problem';

const GENERIC: Record<number, { code: string; title: string }> = {
  400: { code: 'bad-request', title: 'Bad request' },
  401: { code: 'unauthenticated', title: 'Authentication required' },
  403: { code: 'forbidden', title: 'Forbidden' },
  404: { code: 'not-found', title: 'Not found' },
  405: { code: 'method-not-allowed', title: 'Method not allowed' },
  406: { code: 'not-acceptable', title: 'Not acceptable' },
  409: { code: 'conflict', title: 'Conflict' },
  413: { code: 'payload-too-large', title: 'Payload too large' },
  415: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { code: 'validation-failed', title: 'Validation failed' },
  429: { code: 'too-many-requests', title: 'Too many requests' },
  500: { code: 'internal-error', title: 'Internal server error' },
  503: { code: 'service-unavailable', title: 'Service unavailable' },
};

/** Fastify's own error codes that come from the request itself, not from us. */
const FASTIFY_CODES: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload-too-large', title: 'Payload too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
};

interface ErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Turns any error into the problem+json body and status. Exported for Fastify's own error handler. */
export function toProblem(exception: unknown, requestId: string, path: string): { body: ProblemDetails; cause?: unknown } {
  const make = (status: number, code: string, title: string, detail?: string, errors?: FieldError[], ext?: Record<string, unknown>) => ({
    body: {
      // extensions first: they can never overwrite the core members
      ...(ext ?? {}),
      type: `${ERROR_URN_PREFIX}${code}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      code,
      correlationId: requestId,
      instance: path,
      ...(errors && errors.length > 0 ? { errors } : {}),
    } as ProblemDetails,
  });

  if (exception instanceof ProblemError) {
    return make(exception.status, exception.code, exception.title, exception.detail, exception.errors, exception.extensions);
  }
  // Fastify's own request errors (malformed JSON, body too large, bad media type) arrive wrapped by Nest
  const fastifyCode = ((exception instanceof HttpException ? exception.cause : exception) as ErrorLike | undefined)?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) {
    const f = FASTIFY_CODES[fastifyCode];
    return make(f.status, f.code, f.title, (exception as ErrorLike).message);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const generic = GENERIC[status] ?? { code: status >= 500 ? 'internal-error' : 'bad-request', title: exception.name };
    const response = exception.getResponse();
    let detail: string | undefined;
    let ext: Record<string, unknown> | undefined;
    if (typeof response === 'string') detail = response;
    else if (response && typeof response === 'object') {
      const r = response as Record<string, unknown>;
      if (typeof r.message === 'string') detail = r.message;
      else if (Array.isArray(r.message)) detail = r.message.join('; ');
      // terminus puts the per-indicator results here
      if (r.details && typeof r.details === 'object') ext = { checks: r.details };
    }
    if (status === 404 && detail?.startsWith('Cannot ')) {
      return make(404, 'route-not-found', 'Route not found', detail.replace(/^Cannot /, 'No route for '));
    }
    if (status === 503 && ext) return make(503, 'not-ready', 'Service not ready', 'A dependency is not available', undefined, ext);
    if (status >= 500) {
      // a server fault: its message stays in the log, never in the answer
      return { ...make(status, generic.code, generic.title, 'An unexpected error occurred; quote the correlationId when reporting it'), cause: exception };
    }
    return make(status, generic.code, generic.title, detail, undefined, ext);
  }
  const err = (exception ?? {}) as ErrorLike;
  // a body parser's SyntaxError carries statusCode 400; any other SyntaxError is our own fault (500 below)
  if (exception instanceof SyntaxError && err.statusCode === 400) {
    return make(400, 'malformed-body', 'Malformed request body', err.message);
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const generic = GENERIC[err.statusCode] ?? { code: 'bad-request', title: 'Bad request' };
    return make(err.statusCode, generic.code, generic.title, err.message);
  }
  if (exception instanceof QueryFailedError) {
    // A safety net: services check their rules first; reaching here with input-caused DB errors is still a 4xx.
    const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
    if (pgCode === '23505') return { ...make(409, 'duplicate', 'Conflict', 'A record with the same key exists'), cause: exception };
    if (pgCode === '23503') return { ...make(409, 'in-use', 'Conflict', 'The record is referenced by other records'), cause: exception };
    if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008' || pgCode === '22003') {
      return { ...make(422, 'validation-failed', 'Validation failed', 'A value is out of range or malformed'), cause: exception };
    }
  }
  return { ...make(500, 'internal-error', 'Internal server error', 'An unexpected error occurred; quote the correlationId when reporting it'), cause: exception };
}

/** The one filter: every error leaves the API as RFC 9457 problem+json. */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { body, cause } = toProblem(exception, String(request.id), request.url.split('?')[0]);
    if (body.status >= 500 || cause) {
      this.logger.error({ err: cause ?? exception, correlationId: body.correlationId }, `${body.code}: ${body.detail ?? body.title}`);
    }
    if (exception instanceof ProblemError && exception.headers) {
      for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
    }
    sendProblem(reply, body);
  }
}

export function sendProblem(reply: FastifyReply, body: ProblemDetails): void {
  reply.status(body.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  if (body.status === 401) reply.header('www-authenticate', 'Bearer');
  void reply.send(JSON.stringify(body));
}
