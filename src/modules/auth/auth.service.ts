import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { notFound, ProblemError } from '../../common/errors/problem';
import { LoginDto, TokenResponseDto } from './dto/login.dto';
import { MeResponse } from './dto/me.response';
import { UserStatus } from './entities/user.entity';
import { timingDummyHash, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';

interface UserRow {
  id: string;
  school_id: string | null;
  login: string;
  full_name: string;
  status: UserStatus;
  password_hash: string;
  roles: Role[];
}

const USER_WITH_ROLES = `
  SELECT u.id, u.school_id, u.login, u.full_name, u.status, u.password_hash,
         coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
    FROM app_user u
    LEFT JOIN user_role r ON r.user_id = u.id`;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** Checks the password; the answer never tells whether the login exists. */
  async login(dto: LoginDto): Promise<TokenResponseDto> {
    const rows: UserRow[] = await this.db.query(
      `${USER_WITH_ROLES} WHERE lower(u.login) = lower($1) GROUP BY u.id`,
      [dto.login.trim()],
    );
    const user = rows[0];
    const ok = await verifyPassword(user?.password_hash ?? (await timingDummyHash()), dto.password);
    // a user belongs to a school, except the regional operator (no school; the token's `sch` is then null)
    const placed = user?.school_id != null || (user?.roles.includes(Role.Operator) ?? false);
    if (!user || !ok || user.status !== UserStatus.Active || !placed || user.roles.length === 0) {
      throw new ProblemError(401, 'invalid-credentials', 'Authentication failed', 'The login or password is incorrect');
    }
    const accessToken = await this.tokens.sign({ userId: user.id, schoolId: user.school_id, sessionId: randomUUID(), roles: user.roles });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.accessTtl };
  }

  async me(actor: Actor): Promise<MeResponse> {
    const rows: UserRow[] = await this.db.query(
      `${USER_WITH_ROLES} WHERE u.id = $1 AND u.school_id = $2 GROUP BY u.id`,
      [actor.userId, actor.schoolId],
    );
    const u = rows[0];
    if (!u) throw notFound('User');
    return { id: u.id, login: u.login, fullName: u.full_name, schoolId: u.school_id, roles: u.roles };
  }
}
