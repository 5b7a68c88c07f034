import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyActor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { currentContext, runWithContext } from '../../common/context/request-context';
import { conflict, fieldProblem, ProblemError } from '../../common/errors/problem';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { AuditOutcome } from '../audit/entities/audit-event.entity';
import { Authenticator } from '../auth/authenticator';
import { ClientInfo } from '../auth/client-info';
import { SessionStatusService } from '../auth/sessions/session-status.service';
import { LoginThrottleService, TooManyAttemptsError } from '../auth/throttle/login-throttle.service';
import { ACTIVATION_THROTTLE } from '../auth/throttle/throttle-rules';
import { TokenService } from '../auth/token.service';
import { normalizeFullName } from '../users/user-rules';
import { AccountIdentity, createAccount, resolveIdentity } from './account-identity';
import { ActivateInvitationDto, ActivationResponse } from './dto/invitation-code.dto';
import { hashCode, normaliseCode } from './invitation-code';
import { InvitationKind } from './invitation-code.entity';

interface CodeRow {
  id: string;
  school_id: string;
  kind: InvitationKind;
  student_id: string;
  guardian_id: string | null;
  usable: boolean;
}

/** The one answer for an unknown, expired, revoked or used code: which of them it was is not told. */
export function invalidCode(): ProblemError {
  return fieldProblem('invalid-invitation-code', 'code', 'the code is not valid: unknown, expired, revoked or already used', 'Invalid invitation code');
}

/** A code is usable while neither used, revoked nor expired, and while its student is still in the school. */
const CODE_COLUMNS = `SELECT c.id, c.school_id, c.kind, c.student_id, c.guardian_id,
       (c.used_at IS NULL AND c.revoked_at IS NULL AND c.expires_at > now()
        AND EXISTS (SELECT 1 FROM enrollment e JOIN school sc ON sc.id = e.school_id
                     WHERE e.student_id = c.student_id AND e.starts_on <= school_today(sc.time_zone)
                       AND (e.ends_on IS NULL OR e.ends_on > school_today(sc.time_zone)))) AS usable
  FROM invitation_code c`;

export interface ActivationResult {
  /** 201: an account was created; 200: the code was linked to the signed-in account */
  status: 200 | 201;
  body: ActivationResponse;
}

/**
 * Activation of an invitation code (POST /auth/activate). Throttled per client address before the code is looked
 * at. A student code creates the student's account (login + password; no external identity needed, R-ACC-5). A
 * guardian code creates a parent account — or, when a user of the same school is signed in, links the guardian
 * record to that account, so a parent of three ends with one account and three children. Everything of one
 * activation is one transaction; every attempt is in the audit trail (never the code).
 */
@Injectable()
export class ActivationService {
  private readonly authenticator: Authenticator;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly sessionStatus: SessionStatusService,
    tokens: TokenService,
  ) {
    this.authenticator = new Authenticator(tokens, sessionStatus);
  }

  async activate(dto: ActivateInvitationDto, client: ClientInfo, authorization: string | undefined): Promise<ActivationResult> {
    let throttleKey: string;
    try {
      throttleKey = await this.throttle.beginForAddress(ACTIVATION_THROTTLE.scope, client.ip, ACTIVATION_THROTTLE.address);
    } catch (e) {
      if (e instanceof TooManyAttemptsError) await this.failure(null, { reason: 'too-many-attempts' }, AuditOutcome.Denied);
      throw e;
    }
    // the route is public; a bearer token, when sent, must be valid (it decides whether a guardian code links)
    const actor = authorization === undefined ? null : await this.signedIn(authorization);

    const normalised = normaliseCode(dto.code);
    const found = normalised ? ((await this.db.query(`${CODE_COLUMNS} WHERE c.code_hash = $1`, [hashCode(normalised)])) as CodeRow[])[0] : undefined;
    if (!found || !found.usable) {
      await this.failure(found ?? null, { reason: 'invalid-invitation-code' });
      throw invalidCode();
    }
    const code = found;
    const linkTo = code.kind === InvitationKind.Guardian ? actor : null;
    try {
      if (linkTo && linkTo.schoolId !== code.school_id) {
        throw conflict('account-of-another-school', 'The signed-in account belongs to another school; sign out to create an account with this code');
      }
      // the identity is resolved (the password hashed) before the transaction, so that row locks are held briefly
      const identity = linkTo ? null : await resolveIdentity(dto);
      const context = currentContext();
      const work = () => this.db.transaction((m) => this.apply(m, code.id, identity, linkTo));
      // a signed-in parent's writes are theirs in the audit trail
      const result =
        linkTo && context
          ? await runWithContext({ ...context, userId: linkTo.userId, schoolId: linkTo.schoolId, roles: linkTo.roles, sessionId: linkTo.sessionId }, work)
          : await work();
      await this.throttle.releaseAddress(throttleKey);
      if (linkTo) this.sessionStatus.forgetUser(linkTo.userId);
      return result;
    } catch (e) {
      if (e instanceof ProblemError) await this.failure(code, { reason: e.code });
      throw e;
    }
  }

  private async signedIn(authorization: string): Promise<AnyActor> {
    const { actor, mustChangePassword } = await this.authenticator.authenticate(authorization);
    if (mustChangePassword) {
      throw new ProblemError(403, 'password-change-required', 'Password change required', 'Change your one-time password first (POST /api/v1/auth/password)');
    }
    return actor;
  }

  private async apply(m: EntityManager, codeId: string, identity: AccountIdentity | null, linkTo: AnyActor | null): Promise<ActivationResult> {
    const rows = (await m.query(`${CODE_COLUMNS} WHERE c.id = $1 FOR UPDATE`, [codeId])) as CodeRow[];
    const code = rows[0];
    // used or revoked by a concurrent request meanwhile
    if (!code?.usable) throw invalidCode();
    const result =
      code.kind === InvitationKind.Student
        ? await this.activateStudent(m, code, identity as AccountIdentity)
        : linkTo
          ? await this.linkGuardian(m, code, linkTo)
          : await this.createGuardianAccount(m, code, identity as AccountIdentity);
    await m.query(`UPDATE invitation_code SET used_at = now(), used_by_user_id = $2, updated_at = now() WHERE id = $1`, [code.id, result.body.userId]);
    await this.audit.record(
      {
        action: AuditAction.InvitationActivate,
        entity: 'invitation_code',
        entityId: code.id,
        subjectPersonId: code.student_id,
        details: { kind: code.kind, userId: result.body.userId, accountCreated: result.status === 201 },
        actor: { schoolId: code.school_id },
      },
      m,
    );
    return result;
  }

  private async activateStudent(m: EntityManager, code: CodeRow, identity: AccountIdentity): Promise<ActivationResult> {
    const students = (await m.query(
      `SELECT id, user_id, concat_ws(' ', surname, name, patronymic) AS full_name FROM student WHERE id = $1 AND school_id = $2 FOR UPDATE`,
      [code.student_id, code.school_id],
    )) as Array<{ id: string; user_id: string | null; full_name: string }>;
    const student = students[0];
    if (!student) throw invalidCode();
    if (student.user_id !== null) throw conflict('student-has-account', 'The student already has an account');
    const user = await createAccount(m, {
      schoolId: code.school_id,
      fullName: normalizeFullName(student.full_name).slice(0, 300),
      role: Role.Student,
      identity,
    });
    await m.query(`UPDATE student SET user_id = $2, updated_at = now() WHERE id = $1`, [student.id, user.id]);
    return { status: 201, body: { userId: user.id, login: user.login, roles: [Role.Student], created: true, studentId: student.id, guardianId: null } };
  }

  private async lockGuardian(m: EntityManager, code: CodeRow): Promise<{ id: string; user_id: string | null; full_name: string }> {
    const guardians = (await m.query(
      `SELECT g.id, g.user_id, concat_ws(' ', g.surname, g.name, g.patronymic) AS full_name
         FROM guardian g JOIN student_guardian sg ON sg.guardian_id = g.id AND sg.student_id = $2
        WHERE g.id = $1 AND g.school_id = $3 FOR UPDATE OF g`,
      [code.guardian_id, code.student_id, code.school_id],
    )) as Array<{ id: string; user_id: string | null; full_name: string }>;
    // the guardian was unlinked from the child after the code was issued: the code no longer invites anybody
    if (!guardians[0]) throw invalidCode();
    return guardians[0];
  }

  /** No one signed in: a new parent account for the guardian record (who must not have one yet). */
  private async createGuardianAccount(m: EntityManager, code: CodeRow, identity: AccountIdentity): Promise<ActivationResult> {
    const guardian = await this.lockGuardian(m, code);
    if (guardian.user_id !== null) {
      throw conflict('guardian-has-account', 'This parent already has an account: sign in to it and activate the code again');
    }
    const user = await createAccount(m, {
      schoolId: code.school_id,
      fullName: normalizeFullName(guardian.full_name).slice(0, 300),
      role: Role.Parent,
      identity,
    });
    await m.query(`UPDATE guardian SET user_id = $2, updated_at = now() WHERE id = $1`, [guardian.id, user.id]);
    return { status: 201, body: { userId: user.id, login: user.login, roles: [Role.Parent], created: true, studentId: code.student_id, guardianId: guardian.id } };
  }

  /**
   * Signed in: the guardian record joins the signed-in account (which gets the parent role if it had none). One
   * account holds at most one guardian record per school; a different record already on it is not merged (409).
   */
  private async linkGuardian(m: EntityManager, code: CodeRow, actor: AnyActor): Promise<ActivationResult> {
    const guardian = await this.lockGuardian(m, code);
    if (guardian.user_id !== null && guardian.user_id !== actor.userId) {
      throw conflict('guardian-has-account', 'This parent record already belongs to another account');
    }
    if (guardian.user_id === null) {
      const own = (await m.query(`SELECT id FROM guardian WHERE user_id = $1 AND id <> $2`, [actor.userId, guardian.id])) as Array<{ id: string }>;
      if (own.length > 0) {
        throw conflict('different-guardian', 'Your account already belongs to another parent record of the school; ask the school to merge them');
      }
      await m.query(`UPDATE guardian SET user_id = $2, updated_at = now() WHERE id = $1`, [guardian.id, actor.userId]);
    }
    await m.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'parent') ON CONFLICT DO NOTHING`, [actor.userId]);
    const users = (await m.query(
      `SELECT u.login, array_agg(r.role ORDER BY r.role) AS roles FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [actor.userId],
    )) as Array<{ login: string; roles: Role[] }>;
    return {
      status: 200,
      body: { userId: actor.userId, login: users[0].login, roles: users[0].roles, created: false, studentId: code.student_id, guardianId: guardian.id },
    };
  }

  /** A refused attempt, after any transaction rolled back: never the code; the school when the code was known. */
  private async failure(code: CodeRow | null, details: Record<string, unknown>, outcome = AuditOutcome.Failure): Promise<void> {
    await this.audit.record({
      action: AuditAction.InvitationActivate,
      outcome,
      entity: code ? 'invitation_code' : undefined,
      entityId: code?.id,
      subjectPersonId: code?.student_id,
      details: code ? { kind: code.kind, ...details } : details,
      actor: code ? { schoolId: code.school_id } : undefined,
    });
  }
}
