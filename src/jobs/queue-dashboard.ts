import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '../common/access/role';
import { ERROR_URN_PREFIX, PROBLEM_CONTENT_TYPE } from '../common/errors/problem';
import { TokenService } from '../modules/auth/token.service';
import { JobQueues } from './job-queues';
import { ALL_QUEUES } from './queue-name';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403, code: string, detail: string) {
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      type: `${ERROR_URN_PREFIX}${code}`,
      title: status === 401 ? 'Authentication required' : 'Forbidden',
      status,
      detail,
      code,
      correlationId: String(request.id),
      instance: request.url.split('?')[0],
    });
}

/**
 * The queue dashboard (bull-board) at /admin/queues, only when REDIS_URL is set, only for admins: every request under
 * the prefix must carry `Authorization: Bearer <access token>` of a user with the admin role (401/403 problem+json
 * otherwise). Queue data holds only job row ids and types; parameters and results stay in PostgreSQL.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(JobQueues, { strict: false });
  const tokens = app.get(TokenService, { strict: false });
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.all(ALL_QUEUES).map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Очереди заданий' } },
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request, reply) => {
        const header = request.headers.authorization;
        const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header) : null;
        if (!match) return refuse(request, reply, 401, 'unauthenticated', 'Send a valid access token as "Authorization: Bearer …"');
        const actor = await tokens.verify(match[1]);
        if (!actor) return refuse(request, reply, 401, 'invalid-token', 'The access token is invalid or expired');
        if (!actor.roles.includes(Role.Admin)) return refuse(request, reply, 403, 'forbidden', 'The queue dashboard is for admins only');
      });
      // the dashboard's page boots with an inline script: allow it here only
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header(
          'content-security-policy',
          "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        );
        return payload;
      });
      await scope.register(serverAdapter.registerPlugin() as never);
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
