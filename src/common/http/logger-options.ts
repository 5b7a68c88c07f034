import { RequestMethod } from '@nestjs/common';
import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';

/** Paths that must never reach a log line. */
export const REDACTED_PATHS = [
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
export function loggerOptions(config: AppConfig): Params {
  return {
    // the liveness probe is called every few seconds by every orchestrator: no request log, no log context
    exclude: [{ method: RequestMethod.GET, path: 'health/live' }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // fastify decided the id (from a valid X-Request-Id or a fresh UUID) and put it on the raw request
      genReqId: (req) => (req as unknown as { id?: string }).id ?? 'unknown',
      // on every line; as the logger's own bindings, not per-request props (those built two child loggers a request)
      base: { pid: process.pid, hostname: hostname(), service: 'ejournal-api' },
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
