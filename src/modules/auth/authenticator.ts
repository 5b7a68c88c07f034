import { AnyActor } from '../../common/access/actor';
import { ProblemError } from '../../common/errors/problem';
import { SessionStatusService } from './sessions/session-status.service';
import { TokenService } from './token.service';

export interface Authenticated {
  /** the token's actor, with only the roles the user still holds */
  actor: AnyActor;
  /** the user signs in with a one-time password and must change it first */
  mustChangePassword: boolean;
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i;

/**
 * Who sends a request: a valid access token (`Authorization: Bearer …`) whose session is still open and whose user
 * is active, or a 401 problem. Shared by the global access guard and the queue dashboard.
 */
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionStatusService,
  ) {}

  async authenticate(authorization: unknown): Promise<Authenticated> {
    const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
    if (!match) {
      throw new ProblemError(401, 'unauthenticated', 'Authentication required', 'Send a valid access token as "Authorization: Bearer …"');
    }
    const actor = await this.tokens.verify(match[1]);
    if (!actor) {
      throw new ProblemError(401, 'invalid-token', 'Authentication required', 'The access token is invalid or expired');
    }
    const session = await this.sessions.check(actor.sessionId, actor.userId);
    if (!session.active) {
      throw new ProblemError(401, 'session-ended', 'Authentication required', 'The session of this access token has ended; sign in again');
    }
    // the token's roles that the user still holds: a role taken away stops working within seconds
    const roles = actor.roles.filter((r) => session.roles.includes(r));
    return { actor: { ...actor, roles }, mustChangePassword: session.mustChangePassword };
  }
}
