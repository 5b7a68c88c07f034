import { EntityManager } from 'typeorm';
import { Role } from '../../common/access/role';
import { hashPassword } from '../../modules/auth/password-hasher';

export interface OperatorAccount {
  login: string;
  fullName: string;
  password: string;
  /** true for a one-time password (the CLI); the demo operator keeps its printed password */
  mustChangePassword: boolean;
}

export class LoginTakenError extends Error {
  constructor(login: string) {
    super(`the login "${login}" is already taken (logins do not depend on case)`);
    this.name = 'LoginTakenError';
  }
}

/**
 * Writes a regional operator (`app_user` without a school, role `operator`) inside the caller's transaction,
 * which must carry an audit context (seed, CLI, test). Refuses a taken login. Returns the user id.
 */
export async function insertOperator(m: EntityManager, account: OperatorAccount): Promise<string> {
  const taken = await m.query('SELECT 1 FROM app_user WHERE lower(login) = lower($1)', [account.login]);
  if (taken.length > 0) throw new LoginTakenError(account.login);
  const inserted: Array<{ id: string }> = await m.query(
    `INSERT INTO app_user (school_id, login, full_name, password_hash, must_change_password)
     VALUES (NULL, $1, $2, $3, $4) ON CONFLICT (lower(login)) DO NOTHING RETURNING id`,
    [account.login, account.fullName.trim().replace(/\s+/g, ' '), await hashPassword(account.password), account.mustChangePassword],
  );
  if (inserted.length === 0) throw new LoginTakenError(account.login);
  const [{ id }] = inserted;
  await m.query('INSERT INTO user_role (user_id, role) VALUES ($1, $2)', [id, Role.Operator]);
  return id as string;
}
