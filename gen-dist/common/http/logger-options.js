"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDACTED_PATHS = void 0;
exports.loggerOptions = loggerOptions;
const common_1 = require("@nestjs/common");
/** Paths that must never reach a log line. */
exports.REDACTED_PATHS = [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-api-key"]',
    'res.headers["set-cookie"]',
    'password',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.passwordHash',
    '*.accessToken',
    '*.refreshToken',
    '*.token',
];
/** pino JSON logs with the request id; secrets redacted. */
function loggerOptions(config) {
    return {
        // the liveness probe is called every few seconds by every orchestrator: no request log, no log context
        exclude: [{ method: common_1.RequestMethod.GET, path: 'health/live' }],
        pinoHttp: {
            level: config.LOG_LEVEL,
            redact: { paths: exports.REDACTED_PATHS, censor: '[redacted]' },
            // fastify decided the id (from a valid X-Request-Id or a fresh UUID) and put it on the raw request
            genReqId: (req) => req.id ?? 'unknown',
            customProps: () => ({ service: 'ejournal-api' }),
            serializers: {
                req: (req) => ({
                    id: req.id,
                    method: req.method,
                    url: req.url,
                    remoteAddress: req.remoteAddress,
                }),
                res: (res) => ({ statusCode: res.statusCode }),
            },
        },
    };
}
//# sourceMappingURL=logger-options.js.map