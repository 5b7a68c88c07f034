import { isUniqueViolation } from '../../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SessionEndReason } from '../auth/entities/user-session.entity';
import { SessionStatusService } from '../auth/sessions/session-status.service';
import { SessionService } from '../auth/sessions/session.service';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { conflict, fieldProblem, notFound } from '../../common/errors/problem';
import { likePattern, Page, paginate } from '../../common/pagination/pagination';
import { User, UserStatus } from '../auth/entities/user.entity';
import { hashPassword } from '../auth/password-hasher';
import { lockSchool } from '../school/school-lock';
import { CreateUserDto, ReplaceUserRolesDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { CreatedAccountResponse, UserResponse } from './dto/user.response';
import { generateOneTimePassword } from '../auth/passwords/password-policy';
import { assertAdminRemains, assertAssignableRoles, normalizeFullName, replaceStaffRoles } from './user-rules';

interface UserRow {
  id: string;
  login: string;
  full_name: string;
  status: UserStatus;
  roles: Role[];
  must_change_password: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

/** A user of a school with their roles and last sign-in (an index-backed look-up in the audit trail). */
const USER_ROWS = `
  SELECT u.id, u.login, u.full_name, u.status, u.must_change_password, u.created_at,
         coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles,
         (SELECT e.occurred_at FROM audit_event e
           WHERE e.actor_user_id = u.id AND e.action = 'login' AND e.outcome = 'success'
           ORDER BY e.occurred_at DESC LIMIT 1) AS last_login_at
    FROM app_user u
    LEFT JOIN user_role r ON r.user_id = u.id`;

function toResponse(row: UserRow): UserResponse {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    status: row.status,
    roles: row.roles,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

function loginTaken() {
  return conflict('login-taken', 'This login is already used by another account (logins do not depend on case)');
}

export interface NewAccount {
  login: string;
  fullName: string;
  roles: Role[];
}

/**
 * Staff accounts of a school, managed by its admin: list, create with a one-time password, edit, disable, roles.
 * Every query is scoped to the actor's school; a user of another school answers 404.
 * Writes run in a transaction (the audit trigger records them) under the school lock, which keeps the
 * last-admin rule true under concurrent changes.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly sessionStatus: SessionStatusService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: UserListQuery): Promise<Page<UserResponse>> {
    const qb = this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.id', 'u.fullName'])
      .where('u.school_id = :school', { school: actor.schoolId });
    if (query.role) qb.andWhere('EXISTS (SELECT 1 FROM user_role fr WHERE fr.user_id = u.id AND fr.role = :role)', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.q) {
      // a substring, taken literally; lower() under the ICU collation folds Cyrillic case as well
      const pattern = likePattern(query.q);
      qb.andWhere(
        '(lower(u.full_name) LIKE lower(:q COLLATE "ru-RU-x-icu") OR lower(u.login) LIKE lower(:q COLLATE "ru-RU-x-icu"))',
        { q: pattern },
      );
    }
    // ФИО in Russian alphabetical order (Ё beside Е), then id; roles and last sign-in read for the page only
    const page = await paginate(
      qb,
      [
        { sql: 'u.full_name COLLATE "ru-RU-x-icu"', cast: 'text' },
        { sql: 'u.id', cast: 'uuid' },
      ],
      query,
      (u) => [u.fullName, u.id],
      (u) => u.id,
    );
    return { ...page, items: await this.rowsInOrder(this.db.manager, actor.schoolId, page.items) };
  }

  /** One account's card; reading it is a personal-data read and is recorded in the audit trail. */
  async get(actor: Actor, userId: string): Promise<UserResponse> {
    const user = (await this.find(this.db.manager, actor.schoolId, userId)) ?? this.missing();
    await this.audit.personalDataRead({ entity: 'app_user', entityId: user.id, subjectPersonId: user.id, fields: ['login', 'fullName', 'roles', 'status'] });
    return user;
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<CreatedAccountResponse> {
    const roles = assertAssignableRoles(dto.roles);
    return this.createAccount(actor.schoolId, { login: dto.login, fullName: dto.fullName, roles });
  }

  /**
   * Creates an account of a school with a generated one-time password that must be changed at the first
   * sign-in (also used by the regional operator for a school's first admin). The password is returned once.
   */
  async createAccount(schoolId: string, account: NewAccount, prepare?: (m: EntityManager) => Promise<void>): Promise<CreatedAccountResponse> {
    const oneTimePassword = generateOneTimePassword(account.login);
    const passwordHash = await hashPassword(oneTimePassword);
    const user = await this.db.transaction(async (m) => {
      await prepare?.(m);
      await lockSchool(m, schoolId);
      await this.assertLoginFree(m, account.login);
      // ON CONFLICT: a create racing for the same login (in another school, so not behind our lock) ends here
      // without a failed statement — whose parameters, the password hash among them, the query logger would print
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO app_user (school_id, login, full_name, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (lower(login)) DO NOTHING RETURNING id`,
        [schoolId, account.login, normalizeFullName(account.fullName), passwordHash],
      );
      if (inserted.length === 0) throw loginTaken();
      const [{ id }] = inserted;
      await m.query(`INSERT INTO user_role (user_id, role) SELECT $1, unnest($2::varchar[])`, [id, account.roles]);
      return (await this.find(m, schoolId, id)) as UserResponse;
    });
    return { user, oneTimePassword };
  }

  async update(actor: Actor, userId: string, dto: UpdateUserDto): Promise<UserResponse> {
    try {
      const updated = await this.db.transaction(async (m) => {
        await lockSchool(m, actor.schoolId);
        const user = (await this.find(m, actor.schoolId, userId, true)) ?? this.missing();
        if (dto.status === UserStatus.Disabled && userId === actor.userId) {
          throw fieldProblem('cannot-disable-self', 'status', 'you cannot disable your own account', 'Cannot disable yourself');
        }
        if (dto.status !== undefined && dto.status !== user.status) {
          await this.assertAdminRemains(m, actor.schoolId, { id: userId, active: dto.status === UserStatus.Active, roles: user.roles });
          // a disabled account is signed out everywhere; re-enabling it does not bring its sessions back
          if (dto.status === UserStatus.Disabled) await this.sessions.revoke(m, { userId }, SessionEndReason.UserDisabled);
        }
        if (dto.login !== undefined && dto.login.toLowerCase() !== user.login.toLowerCase()) {
          await this.assertLoginFree(m, dto.login);
        }
        const changes: Record<string, unknown> = {};
        if (dto.login !== undefined) changes.login = dto.login;
        if (dto.fullName !== undefined) changes.full_name = normalizeFullName(dto.fullName);
        if (dto.status !== undefined) changes.status = dto.status;
        const columns = Object.keys(changes);
        if (columns.length > 0) {
          await m.query(
            `UPDATE app_user SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = now()
              WHERE id = $1 AND school_id = $2`,
            [userId, actor.schoolId, ...Object.values(changes)],
          );
        }
        return (await this.find(m, actor.schoolId, userId)) as UserResponse;
      });
      // a status change counts at once on this instance (within seconds on the others)
      this.sessionStatus.forgetUser(userId);
      return updated;
    } catch (e) {
      if (isUniqueViolation(e, 'uq_app_user_login')) throw loginTaken();
      throw e;
    }
  }

  /** Replaces the user's staff roles; parent and student roles they hold stay. */
  async replaceRoles(actor: Actor, userId: string, dto: ReplaceUserRolesDto): Promise<UserResponse> {
    const staff = assertAssignableRoles(dto.roles);
    const updated = await this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const user = (await this.find(m, actor.schoolId, userId, true)) ?? this.missing();
      const roles = replaceStaffRoles(user.roles, staff);
      await this.assertAdminRemains(m, actor.schoolId, { id: userId, active: user.status === UserStatus.Active, roles });
      const removed = user.roles.filter((r) => !roles.includes(r));
      const added = roles.filter((r) => !user.roles.includes(r));
      if (removed.length > 0) await m.query('DELETE FROM user_role WHERE user_id = $1 AND role = ANY($2::varchar[])', [userId, removed]);
      if (added.length > 0) await m.query('INSERT INTO user_role (user_id, role) SELECT $1, unnest($2::varchar[])', [userId, added]);
      if (removed.length > 0 || added.length > 0) await m.query('UPDATE app_user SET updated_at = now() WHERE id = $1', [userId]);
      return (await this.find(m, actor.schoolId, userId)) as UserResponse;
    });
    // a role taken away stops working at once on this instance (within seconds on the others)
    this.sessionStatus.forgetUser(userId);
    return updated;
  }

  private missing(): never {
    throw notFound('User');
  }

  private async find(m: EntityManager, schoolId: string, userId: string, forUpdate = false): Promise<UserResponse | null> {
    if (forUpdate) await m.query('SELECT id FROM app_user WHERE id = $1 AND school_id = $2 FOR UPDATE', [userId, schoolId]);
    const rows: UserRow[] = await m.query(`${USER_ROWS} WHERE u.id = $1 AND u.school_id = $2 GROUP BY u.id`, [userId, schoolId]);
    return rows[0] ? toResponse(rows[0]) : null;
  }

  /** The page's users in the page's order. */
  private async rowsInOrder(m: EntityManager, schoolId: string, ids: string[]): Promise<UserResponse[]> {
    if (ids.length === 0) return [];
    const rows: UserRow[] = await m.query(`${USER_ROWS} WHERE u.id = ANY($1::uuid[]) AND u.school_id = $2 GROUP BY u.id`, [ids, schoolId]);
    const byId = new Map(rows.map((r) => [r.id, toResponse(r)]));
    return ids.map((id) => byId.get(id)).filter((u): u is UserResponse => u !== undefined);
  }

  private async assertLoginFree(m: EntityManager, login: string): Promise<void> {
    const rows = await m.query('SELECT 1 FROM app_user WHERE lower(login) = lower($1)', [login]);
    if (rows.length > 0) throw loginTaken();
  }

  /** Read under the school lock: every user of the school holding the admin role. */
  private async assertAdminRemains(m: EntityManager, schoolId: string, after: { id: string; active: boolean; roles: Role[] }): Promise<void> {
    const admins: Array<{ id: string; status: UserStatus }> = await m.query(
      `SELECT u.id, u.status FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'admin' WHERE u.school_id = $1`,
      [schoolId],
    );
    assertAdminRemains(
      admins.map((a) => ({ id: a.id, active: a.status === UserStatus.Active, roles: [Role.Admin] })),
      after,
    );
  }
}
