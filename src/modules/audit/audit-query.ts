import { fieldProblem } from '../../common/errors/problem';
import { AuditEventFilter } from './dto/audit-event-filter.dto';

/** One audit row as the list and the export read it: the event and the acting user's name. */
export interface AuditEventRow {
  id: string;
  occurred_at: Date;
  school_id: string | null;
  actor_user_id: string | null;
  actor_login: string | null;
  actor_full_name: string | null;
  actor_roles: string[];
  session_id: string | null;
  action: string;
  outcome: string;
  entity: string | null;
  entity_id: string | null;
  subject_person_id: string | null;
  changes: Record<string, unknown> | null;
  client_ip: string | null;
  request_id: string | null;
  system: string | null;
  details: Record<string, unknown> | null;
}

/** Refuses a period that ends before it starts (422 naming `to`). */
export function checkPeriod(filter: { from?: string; to?: string }): void {
  if (filter.from && filter.to && filter.to < filter.from) {
    throw fieldProblem('period-invalid', 'to', 'must not be before from');
  }
}

/**
 * The audit events of one school matching a filter, newest first (by id, which grows with time), one page of
 * `limit` rows strictly older than `beforeId` when given. Period bounds are school-local days.
 * Shared by the list (GET /audit-events) and the XLSX export job.
 */
export function auditEventsSql(
  schoolId: string,
  filter: AuditEventFilter,
  page: { limit: number; beforeId?: string },
): { sql: string; params: unknown[] } {
  checkPeriod(filter);
  const params: unknown[] = [schoolId];
  const where = ['e.school_id = $1'];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.actorUserId) add((p) => `e.actor_user_id = ${p}`, filter.actorUserId);
  if (filter.subjectPersonId) add((p) => `e.subject_person_id = ${p}`, filter.subjectPersonId);
  if (filter.entity) add((p) => `e.entity = ${p}`, filter.entity);
  if (filter.action) add((p) => `e.action = ${p}`, filter.action);
  const tz = `(SELECT time_zone FROM school WHERE id = $1)`;
  if (filter.from) add((p) => `e.occurred_at >= (${p}::date)::timestamp AT TIME ZONE ${tz}`, filter.from);
  if (filter.to) add((p) => `e.occurred_at < (${p}::date + 1)::timestamp AT TIME ZONE ${tz}`, filter.to);
  if (page.beforeId) add((p) => `e.id < ${p}::bigint`, page.beforeId);
  params.push(page.limit);
  const sql = `
    SELECT e.id, e.occurred_at, e.school_id, e.actor_user_id, u.login AS actor_login, u.full_name AS actor_full_name,
           e.actor_roles, e.session_id, e.action, e.outcome, e.entity, e.entity_id, e.subject_person_id, e.changes,
           e.client_ip, e.request_id, e.system, e.details
      FROM audit_event e
      LEFT JOIN app_user u ON u.id = e.actor_user_id
     WHERE ${where.join(' AND ')}
     ORDER BY e.id DESC
     LIMIT $${params.length}`;
  return { sql, params };
}
