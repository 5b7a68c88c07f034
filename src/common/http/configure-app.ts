import { INestApplication, RequestMethod } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import type * as QueueDashboard from '../../jobs/queue-dashboard';
import { securityHeaders } from './security-headers';

export const API_PREFIX = 'api/v1';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify options: body limit, proxy trust, request ids that follow a caller's valid X-Request-Id. */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    logger: false,
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: (raw: IncomingMessage) => {
      const given = raw.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      (raw as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
}

/** `/api/v1` before every route but the health probes. */
export function applyApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
}

/** Everything about the HTTP app that tests must share with production: prefix, request ids, headers, CORS, logs. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  applyApiPrefix(app);
  const fastify = app.getHttpAdapter().getInstance();
  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(security);
    reply.header('x-request-id', request.id);
    done();
  });
  app.enableCors(
    config.corsOrigins.length > 0
      ? { origin: config.corsOrigins, credentials: false, exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'], maxAge: 600 }
      : { origin: false },
  );
  // bull-board for admins at /admin/queues, only when the queues exist (REDIS_URL)
  if (config.REDIS_URL) {
    // required here, not imported above: bull-board is only loaded by an api that has queues
    const dashboard = require('../../jobs/queue-dashboard') as typeof QueueDashboard;
    await dashboard.mountQueueDashboard(app);
  }
}
