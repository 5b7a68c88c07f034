import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '../../../common/access/role';
import { tokenRoles } from '../token-roles';

/** What the access guard needs to know about the session behind an access token. */
export interface SessionStatus {
  /** the session is neither ended nor expired, and its user is active */
  active: boolean;
  /** the user signs in with a one-time password and must change it before anything else */
  mustChangePassword: boolean;
  /** the roles the user holds now: a role taken away stops working within the cache time, not at token expiry */
  roles: Role[];
}

/** Injection token of the clock (tests only); Date.now otherwise. */
export const SESSION_CLOCK = Symbol('SESSION_CLOCK');

const ENDED: SessionStatus = { active: false, mustChangePassword: false, roles: [] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS = `
  SELECT (s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active') AS active,
         u.must_change_password, u.school_id,
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '{}') AS roles
    FROM user_session s
    JOIN app_user u ON u.id = s.user_id
   WHERE s.id = $1 AND s.user_id = $2`;

/**
 * Whether an access token's session still counts: one indexed SQL per session, remembered in this process for at
 * most CACHE_TTL_MS, so that ending a session or disabling a user refuses its access tokens within seconds on every
 * instance (at once on the instance that ended it). The cache holds at most CACHE_MAX entries.
 */
@Injectable()
export class SessionStatusService {
  static readonly CACHE_TTL_MS = 2_000;
  static readonly CACHE_MAX = 10_000;

  private readonly cache = new Map<string, { userId: string; status: SessionStatus; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: Pick<DataSource, 'query'>,
    @Optional() @Inject(SESSION_CLOCK) private readonly now: () => number = Date.now,
  ) {}

  async check(sessionId: string, userId: string): Promise<SessionStatus> {
    if (!UUID.test(sessionId) || !UUID.test(userId)) return ENDED;
    const t = this.now();
    const hit = this.cache.get(sessionId);
    if (hit && hit.until > t && hit.userId === userId) return hit.status;
    const rows: Array<{ active: boolean; must_change_password: boolean; school_id?: string | null; roles?: Role[] }> =
      await this.db.query(STATUS, [sessionId, userId]);
    const row = rows[0];
    const status: SessionStatus = row
      ? {
          active: row.active,
          mustChangePassword: row.must_change_password,
          roles: tokenRoles({ school_id: row.school_id ?? null, roles: row.roles ?? [] }) ?? [],
        }
      : ENDED;
    this.cache.delete(sessionId);
    if (this.cache.size >= SessionStatusService.CACHE_MAX) {
      // the oldest entry goes first (a Map iterates in insertion order)
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(sessionId, { userId, status, until: t + SessionStatusService.CACHE_TTL_MS });
    return status;
  }

  /** Drops what this process remembers about a session (it was just ended or changed here). */
  forgetSession(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  /** Drops what this process remembers about every session of a user. */
  forgetUser(userId: string): void {
    for (const [id, entry] of this.cache) if (entry.userId === userId) this.cache.delete(id);
  }

  get cachedEntries(): number {
    return this.cache.size;
  }
}
