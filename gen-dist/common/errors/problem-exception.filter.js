"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemExceptionFilter = void 0;
exports.toProblem = toProblem;
exports.sendProblem = sendProblem;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const problem_1 = require("./problem");
const GENERIC = {
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
const FASTIFY_CODES = {
    FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
    FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
    FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload-too-large', title: 'Payload too large' },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type', title: 'Unsupported media type' },
    FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'malformed-body', title: 'Malformed request body' },
};
/** Turns any error into the problem+json body and status. Exported for Fastify's own error handler. */
function toProblem(exception, requestId, path) {
    const make = (status, code, title, detail, errors, ext) => ({
        body: {
            // extensions first: they can never overwrite the core members
            ...(ext ?? {}),
            type: `${problem_1.ERROR_URN_PREFIX}${code}`,
            title,
            status,
            ...(detail ? { detail } : {}),
            code,
            correlationId: requestId,
            instance: path,
            ...(errors && errors.length > 0 ? { errors } : {}),
        },
    });
    if (exception instanceof problem_1.ProblemError) {
        return make(exception.status, exception.code, exception.title, exception.detail, exception.errors, exception.extensions);
    }
    // Fastify's own request errors (malformed JSON, body too large, bad media type) arrive wrapped by Nest
    const fastifyCode = (exception instanceof common_1.HttpException ? exception.cause : exception)?.code;
    if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) {
        const f = FASTIFY_CODES[fastifyCode];
        return make(f.status, f.code, f.title, exception.message);
    }
    if (exception instanceof common_1.HttpException) {
        const status = exception.getStatus();
        const generic = GENERIC[status] ?? { code: status >= 500 ? 'internal-error' : 'bad-request', title: exception.name };
        const response = exception.getResponse();
        let detail;
        let ext;
        if (typeof response === 'string')
            detail = response;
        else if (response && typeof response === 'object') {
            const r = response;
            if (typeof r.message === 'string')
                detail = r.message;
            else if (Array.isArray(r.message))
                detail = r.message.join('; ');
            // terminus puts the per-indicator results here
            if (r.details && typeof r.details === 'object')
                ext = { checks: r.details };
        }
        if (status === 404 && detail?.startsWith('Cannot ')) {
            return make(404, 'route-not-found', 'Route not found', detail.replace(/^Cannot /, 'No route for '));
        }
        if (status === 503 && ext)
            return make(503, 'not-ready', 'Service not ready', 'A dependency is not available', undefined, ext);
        if (status >= 500) {
            // a server fault: its message stays in the log, never in the answer
            return { ...make(status, generic.code, generic.title, 'An unexpected error occurred; quote the correlationId when reporting it'), cause: exception };
        }
        return make(status, generic.code, generic.title, detail, undefined, ext);
    }
    const err = (exception ?? {});
    // a body parser's SyntaxError carries statusCode 400; any other SyntaxError is our own fault (500 below)
    if (exception instanceof SyntaxError && err.statusCode === 400) {
        return make(400, 'malformed-body', 'Malformed request body', err.message);
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
        const generic = GENERIC[err.statusCode] ?? { code: 'bad-request', title: 'Bad request' };
        return make(err.statusCode, generic.code, generic.title, err.message);
    }
    if (exception instanceof typeorm_1.QueryFailedError) {
        // A safety net: services check their rules first; reaching here with input-caused DB errors is still a 4xx.
        const pgCode = exception.driverError?.code;
        if (pgCode === '23505')
            return { ...make(409, 'duplicate', 'Conflict', 'A record with the same key exists'), cause: exception };
        if (pgCode === '23503')
            return { ...make(409, 'in-use', 'Conflict', 'The record is referenced by other records'), cause: exception };
        if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008' || pgCode === '22003') {
            return { ...make(422, 'validation-failed', 'Validation failed', 'A value is out of range or malformed'), cause: exception };
        }
    }
    return { ...make(500, 'internal-error', 'Internal server error', 'An unexpected error occurred; quote the correlationId when reporting it'), cause: exception };
}
/** The one filter: every error leaves the API as RFC 9457 problem+json. */
let ProblemExceptionFilter = class ProblemExceptionFilter {
    constructor() {
        this.logger = new common_1.Logger('Problem');
    }
    catch(exception, host) {
        const ctx = host.switchToHttp();
        const request = ctx.getRequest();
        const reply = ctx.getResponse();
        const { body, cause } = toProblem(exception, String(request.id), request.url.split('?')[0]);
        if (body.status >= 500 || cause) {
            this.logger.error({ err: cause ?? exception, correlationId: body.correlationId }, `${body.code}: ${body.detail ?? body.title}`);
        }
        sendProblem(reply, body);
    }
};
exports.ProblemExceptionFilter = ProblemExceptionFilter;
exports.ProblemExceptionFilter = ProblemExceptionFilter = __decorate([
    (0, common_1.Catch)()
], ProblemExceptionFilter);
function sendProblem(reply, body) {
    reply.status(body.status).header('content-type', `${problem_1.PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    if (body.status === 401)
        reply.header('www-authenticate', 'Bearer');
    void reply.send(JSON.stringify(body));
}
//# sourceMappingURL=problem-exception.filter.js.map