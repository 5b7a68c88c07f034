import { EntityManager } from 'typeorm';
import { Role } from '../../common/access/role';
import { conflict, fieldProblem } from '../../common/errors/problem';
import { hashPassword } from '../auth/password-hasher';
import { assertPasswordPolicy } from '../auth/passwords/password-policy';

/**
 * How a new account will prove who it is. Today: a login and a password chosen at activation (the under-14 path
 * needs nothing else, R-ACC-5). A federated identity (ЕСИА/Госуслуги, OpenID-Connect-like) becomes a second member
 * — `{ method: 'external', provider, subject, login }` resolved from a verified ID token — with its own table then;
 * the activation itself only asks for "an identity" and never looks at passwords.
 */
export type AccountIdentity = { method: 'password'; login: string; passwordHash: string };

/** What the activation request offered to identify the new account. */
export interface IdentityOffer {
  login?: string;
  password?: string;
}

/**
 * The identity for a new account from the request, or a 422 naming the missing or refused field (the password
 * rules of sign-in: length, not common, not the login). The password is hashed here (argon2id) and nowhere kept.
 */
export async function resolveIdentity(offer: IdentityOffer): Promise<AccountIdentity> {
  if (offer.login === undefined) throw fieldProblem('login-required', 'login', 'a login is needed to create the account', 'Login required');
  if (offer.password === undefined) {
    throw fieldProblem('password-required', 'password', 'a password is needed to create the account', 'Password required');
  }
  assertPasswordPolicy(offer.password, offer.login, 'password');
  return { method: 'password', login: offer.login, passwordHash: await hashPassword(offer.password) };
}

function loginTaken() {
  return conflict('login-taken', 'This login is already used by another account (logins do not depend on case)');
}

/**
 * Creates an active account of a school with the given role and identity, inside the caller's transaction.
 * Logins are unique regardless of case (uq_app_user_login): ON CONFLICT keeps a race for one login from failing a
 * statement (whose parameters, the hash among them, a query log would print) — the loser gets 409 `login-taken`.
 */
export async function createAccount(
  m: EntityManager,
  account: { schoolId: string; fullName: string; role: Role; identity: AccountIdentity },
): Promise<{ id: string; login: string }> {
  const { identity } = account;
  const inserted = (await m.query(
    `INSERT INTO app_user (school_id, login, full_name, password_hash, must_change_password, password_changed_at)
     VALUES ($1, $2, $3, $4, false, now())
     ON CONFLICT (lower(login)) DO NOTHING RETURNING id, login`,
    [account.schoolId, identity.login, account.fullName, identity.passwordHash],
  )) as Array<{ id: string; login: string }>;
  if (inserted.length === 0) throw loginTaken();
  await m.query(`INSERT INTO user_role (user_id, role) VALUES ($1, $2)`, [inserted[0].id, account.role]);
  return inserted[0];
}
