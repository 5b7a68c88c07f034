import { Role } from '../../../common/access/role';

/** The signed-in user. */
export class MeResponse {
  /** @example "6f1d2c1e-0a51-4c2b-9a57-2d9e8f3c1b10" */
  id!: string;

  /** @example "admin" */
  login!: string;

  /** @example "Иванова Мария Петровна" */
  fullName!: string;

  /** The user's school; null for a regional operator. */
  schoolId!: string | null;

  /** @example ["teacher", "deputy"] */
  roles!: Role[];

  /** Signed in with a one-time password that must be changed before anything else. */
  mustChangePassword!: boolean;
}
