import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { fieldProblem } from '../../common/errors/problem';
import { decodeCursor, DEFAULT_PAGE_LIMIT, encodeCursor, Page } from '../../common/pagination/pagination';
import { AuditAction } from './audit-action';
import { AuditEventRow, auditEventsSql, checkPeriod } from './audit-query';
import { AuditEventListQuery } from './dto/audit-event-filter.dto';
import { AuditEventResponse } from './dto/audit-event.response';
import { UsageQuery, UsageResponse } from './dto/usage.dto';
import { AuditOutcome } from './entities/audit-event.entity';

/** The longest period the usage summary covers in one request. */
export const MAX_USAGE_DAYS = 366;

const WRITE_ACTIONS = [AuditAction.Create, AuditAction.Update, AuditAction.Delete];

export function toAuditEventResponse(r: AuditEventRow): AuditEventResponse {
  return {
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor_user_id ? { id: r.actor_user_id, login: r.actor_login ?? '', fullName: r.actor_full_name ?? '' } : null,
    actorRoles: r.actor_roles,
    sessionId: r.session_id,
    action: r.action as AuditAction,
    outcome: r.outcome as AuditOutcome,
    entity: r.entity,
    entityId: r.entity_id,
    subjectPersonId: r.subject_person_id,
    changes: r.changes,
    clientIp: r.client_ip,
    requestId: r.request_id,
    system: r.system,
    details: r.details,
  };
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

interface UserUsageRow {
  id: string;
  login: string;
  full_name: string;
  status: string;
  roles: Role[];
  logins: string;
  writes: string;
  last_login_at: Date | null;
}

/** Reading the audit trail: the list for admin and director, the usage summary for admin, deputy and director. */
@Injectable()
export class AuditEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, query: AuditEventListQuery): Promise<Page<AuditEventResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const beforeId = query.cursor ? (decodeCursor(query.cursor, ['bigint'])[0] as string) : undefined;
    const { sql, params } = auditEventsSql(actor.schoolId, query, { limit: limit + 1, beforeId });
    const rows: AuditEventRow[] = await this.db.query(sql, params);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return { items: page.map(toAuditEventResponse), nextCursor: more ? encodeCursor([page[page.length - 1].id]) : null };
  }

  async usage(actor: Actor, query: UsageQuery): Promise<UsageResponse> {
    const [{ today }] = await this.db.query(
      `SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today FROM school WHERE id = $1`,
      [actor.schoolId],
    );
    const to: string = query.to ?? today;
    const from: string = query.from ?? addDays(to, -29);
    checkPeriod({ from, to });
    if (daysBetween(from, to) > MAX_USAGE_DAYS) {
      throw fieldProblem('period-too-long', 'from', `the period may cover at most ${MAX_USAGE_DAYS} days`);
    }
    // activity of each user of the school in the period, from the audit trail
    const activity = `
      bounds AS (
        SELECT ($2::date)::timestamp AT TIME ZONE s.time_zone AS t0, ($3::date + 1)::timestamp AT TIME ZONE s.time_zone AS t1
          FROM school s WHERE s.id = $1),
      act AS (
        SELECT e.actor_user_id AS user_id,
               count(*) FILTER (WHERE e.action = '${AuditAction.Login}' AND e.outcome = '${AuditOutcome.Success}') AS logins,
               count(*) FILTER (WHERE e.action IN (${WRITE_ACTIONS.map((a) => `'${a}'`).join(', ')})) AS writes
          FROM audit_event e, bounds b
         WHERE e.school_id = $1 AND e.actor_user_id IS NOT NULL AND e.occurred_at >= b.t0 AND e.occurred_at < b.t1
         GROUP BY e.actor_user_id)`;
    const byRole: { role: Role; users: string; active_users: string; logins: string; writes: string }[] = await this.db.query(
      `WITH ${activity}
       SELECT r.role,
              count(*) FILTER (WHERE u.status = 'active') AS users,
              count(*) FILTER (WHERE a.logins > 0) AS active_users,
              coalesce(sum(a.logins), 0) AS logins,
              coalesce(sum(a.writes), 0) AS writes
         FROM user_role r
         JOIN app_user u ON u.id = r.user_id AND u.school_id = $1
         LEFT JOIN act a ON a.user_id = u.id
        GROUP BY r.role
        ORDER BY r.role`,
      [actor.schoolId, from, to],
    );

    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const params: unknown[] = [actor.schoolId, from, to];
    const where = ['u.school_id = $1'];
    if (query.role) {
      params.push(query.role);
      where.push(`EXISTS (SELECT 1 FROM user_role rr WHERE rr.user_id = u.id AND rr.role = $${params.length})`);
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['text', 'uuid']);
      params.push(name, id);
      where.push(`(u.full_name, u.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: UserUsageRow[] = await this.db.query(
      `WITH ${activity}
       SELECT u.id, u.login, u.full_name, u.status,
              coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles,
              coalesce(a.logins, 0) AS logins, coalesce(a.writes, 0) AS writes,
              (SELECT max(l.occurred_at) FROM audit_event l
                WHERE l.actor_user_id = u.id AND l.action = '${AuditAction.Login}' AND l.outcome = '${AuditOutcome.Success}') AS last_login_at
         FROM app_user u
         LEFT JOIN user_role r ON r.user_id = u.id
         LEFT JOIN act a ON a.user_id = u.id
        WHERE ${where.join(' AND ')}
        GROUP BY u.id, a.logins, a.writes
        ORDER BY u.full_name, u.id
        LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    return {
      from,
      to,
      byRole: byRole.map((r) => ({
        role: r.role,
        users: Number(r.users),
        activeUsers: Number(r.active_users),
        logins: Number(r.logins),
        writes: Number(r.writes),
      })),
      users: {
        items: page.map((u) => ({
          userId: u.id,
          login: u.login,
          fullName: u.full_name,
          roles: u.roles,
          status: u.status,
          lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
          logins: Number(u.logins),
          writes: Number(u.writes),
        })),
        nextCursor: more ? encodeCursor([last.full_name, last.id]) : null,
      },
    };
  }
}
