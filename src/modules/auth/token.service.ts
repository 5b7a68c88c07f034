import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor } from '../../common/access/actor';
import { ALL_ROLES, Role } from '../../common/access/role';
import { AppConfig } from '../../config/app-config';

interface AccessClaims {
  sub: string;
  sch: string;
  roles: string[];
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

  sign(actor: Actor): Promise<string> {
    const claims: AccessClaims = { sub: actor.userId, sch: actor.schoolId, roles: actor.roles };
    return this.jwt.signAsync(claims, {
      expiresIn: this.config.JWT_ACCESS_TTL,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithm: 'HS256',
    });
  }

  /** The actor of a valid token, or null for anything else (expired, forged, malformed). */
  async verify(token: string): Promise<Actor | null> {
    try {
      const c = await this.jwt.verifyAsync<AccessClaims>(token, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof c.sub !== 'string' || typeof c.sch !== 'string' || !Array.isArray(c.roles)) return null;
      const roles = c.roles.filter((r): r is Role => (ALL_ROLES as string[]).includes(r));
      return { userId: c.sub, schoolId: c.sch, roles };
    } catch {
      return null;
    }
  }
}
