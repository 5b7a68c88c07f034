import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActionContext, currentContext } from '../../common/context/request-context';
import { auditContext } from '../../database/audit-context.subscriber';
import { AuditAction } from './audit-action';
import { AuditOutcome } from './entities/audit-event.entity';

/** One event written by the application (row writes are written by the database trigger). */
export interface AuditRecord {
  action: AuditAction;
  outcome?: AuditOutcome;
  entity?: string;
  entityId?: string;
  /** the person the data is about */
  subjectPersonId?: string;
  /** never secrets: the login that was tried, the reason of a refusal, the fields read … */
  details?: Record<string, unknown>;
  /** who acted, when it is not (yet) the request's actor — e.g. the user a login just identified */
  actor?: Partial<Pick<ActionContext, 'userId' | 'schoolId' | 'roles' | 'sessionId'>>;
}

/** Keys whose values never reach the trail, at any depth of `details` (the row trigger masks columns alike). */
const SECRET_KEY = /pass(word|wd)|secret|token|hash/i;

/** `details` with the value of every secret-named key replaced by "***" (a last line of defence). */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '***' : maskSecrets(v)]));
  }
  return value;
}

const INSERT = `
  INSERT INTO audit_event (school_id, actor_user_id, actor_roles, session_id, action, outcome, entity, entity_id,
                           subject_person_id, details, client_ip, request_id, system)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

/**
 * Writes the audit events the database cannot see by itself: sign-ins, sessions, reads of personal data.
 * Given a transaction's manager, the event commits or rolls back with the operation; either way a failed
 * audit write fails the operation (it is never swallowed).
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(event: AuditRecord, manager?: EntityManager): Promise<void> {
    const current = currentContext();
    const ctx = current ? auditContext(current) : undefined;
    // only the actor fields given override the context's (an explicit undefined keeps the context's value)
    const given = Object.fromEntries(Object.entries(event.actor ?? {}).filter(([, v]) => v !== undefined));
    const actor: Partial<ActionContext> = { ...ctx, ...given };
    await (manager ?? this.db.manager).query(INSERT, [
      actor.schoolId ?? null,
      actor.userId ?? null,
      actor.roles ?? [],
      actor.sessionId ?? null,
      event.action,
      event.outcome ?? AuditOutcome.Success,
      event.entity ?? null,
      event.entityId ?? null,
      event.subjectPersonId ?? null,
      event.details ? JSON.stringify(maskSecrets(event.details)) : null,
      ctx?.ip ?? null,
      ctx?.requestId ?? null,
      ctx?.system ?? null,
    ]);
  }

  /**
   * The helper later modules call when they show a person's data (a student's card, a guardian's contacts):
   * who read whose data, which record, which fields.
   */
  personalDataRead(
    read: { entity: string; entityId: string; subjectPersonId: string; fields?: string[] },
    manager?: EntityManager,
  ): Promise<void> {
    return this.record(
      {
        action: AuditAction.PersonalDataRead,
        entity: read.entity,
        entityId: read.entityId,
        subjectPersonId: read.subjectPersonId,
        details: read.fields ? { fields: read.fields } : undefined,
      },
      manager,
    );
  }
}
