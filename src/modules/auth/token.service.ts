import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AnyActor } from '../../common/access/actor';
import { ALL_ROLES, Role } from '../../common/access/role';
import { AppConfig } from '../../config/app-config';

interface AccessClaims {
  sub: string;
  /** school id; null for the regional operator */
  sch: string | null;
  /** session id */
  sid: string;
  roles: string[];
  /** present (true) while the user must change a one-time password: a hint for clients; the guard reads the account */
  pwc?: true;
}

export const TOKEN_ISSUER = 'ejournal';
export const TOKEN_AUDIENCE = 'ejournal-api';

/** Signs and verifies the short-lived access tokens (HS256). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get accessTtl(): number {
    return this.config.JWT_ACCESS_TTL;
  }

  sign(actor: AnyActor, options: { mustChangePassword?: boolean } = {}): Promise<string> {
    const claims: AccessClaims = { sub: actor.userId, sch: actor.schoolId, sid: actor.sessionId, roles: actor.roles };
    if (options.mustChangePassword) claims.pwc = true;
    return this.jwt.signAsync(claims, {
      expiresIn: this.config.JWT_ACCESS_TTL,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithm: 'HS256',
    });
  }

  /** The actor of a valid token, or null for anything else (expired, forged, malformed). */
  async verify(token: string): Promise<AnyActor | null> {
    try {
      const c = await this.jwt.verifyAsync<AccessClaims>(token, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof c.sub !== 'string' || typeof c.sid !== 'string' || !Array.isArray(c.roles)) return null;
      if (c.sch !== null && typeof c.sch !== 'string') return null;
      const roles = c.roles.filter((r): r is Role => (ALL_ROLES as string[]).includes(r));
      return { userId: c.sub, schoolId: c.sch, sessionId: c.sid, roles };
    } catch {
      return null;
    }
  }
}
