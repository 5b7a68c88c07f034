import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '../common/access/role';
import { ERROR_URN_PREFIX, PROBLEM_CONTENT_TYPE, ProblemError } from '../common/errors/problem';
import { Authenticator } from '../modules/auth/authenticator';
import { SessionStatusService } from '../modules/auth/sessions/session-status.service';
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
 * the prefix must carry `Authorization: Bearer <access token>` of an open session of a user with the admin role
 * (401/403 problem+json otherwise, as the API's guard answers). Queue data holds only job row ids and types; parameters and results stay in PostgreSQL.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(JobQueues, { strict: false });
  const authenticator = new Authenticator(app.get(TokenService, { strict: false }), app.get(SessionStatusService, { strict: false }));
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
        try {
          const { actor, mustChangePassword } = await authenticator.authenticate(request.headers.authorization);
          if (!actor.roles.includes(Role.Admin)) return refuse(request, reply, 403, 'forbidden', 'The queue dashboard is for admins only');
          if (mustChangePassword) return refuse(request, reply, 403, 'password-change-required', 'Change your one-time password first');
        } catch (e) {
          if (e instanceof ProblemError && e.status === 401) return refuse(request, reply, 401, e.code, e.detail ?? e.title);
          throw e;
        }
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
