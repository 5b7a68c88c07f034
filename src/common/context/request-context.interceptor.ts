import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { AnyActor } from '../access/actor';
import { ActionContext, runWithContext } from './request-context';

/** The action context of an HTTP request: the actor set by the access guard, the client address, the request id. */
export function requestContext(request: FastifyRequest & { actor?: AnyActor }): ActionContext {
  const actor = request.actor;
  return {
    userId: actor?.userId ?? null,
    schoolId: actor?.schoolId ?? null,
    roles: actor?.roles ?? [],
    sessionId: actor?.sessionId ?? null,
    ip: request.ip ?? null,
    requestId: String(request.id),
  };
}

/** Runs every handler inside its request's action context (read by the audit trail). */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const store = requestContext(context.switchToHttp().getRequest());
    return new Observable((subscriber) => runWithContext(store, () => next.handle().subscribe(subscriber)));
  }
}
