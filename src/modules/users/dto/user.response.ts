import { Role } from '../../../common/access/role';
import { UserStatus } from '../../auth/entities/user.entity';

/** A school's user account as the admin sees it (never the password hash). */
export class UserResponse {
  /** @example "6f1d2c1e-0a51-4c2b-9a57-2d9e8f3c1b10" */
  id!: string;

  /** @example "ivanova.mp" */
  login!: string;

  /** @example "Иванова Мария Петровна" */
  fullName!: string;

  status!: UserStatus;

  /** @example ["deputy", "teacher"] */
  roles!: Role[];

  /** The account still has a one-time password that must be changed at the next sign-in. */
  mustChangePassword!: boolean;

  createdAt!: Date;

  /** The last successful sign-in (from the audit trail); null when never. */
  lastLoginAt!: Date | null;
}

/** A new account with its one-time password, shown this once (only its hash is stored). */
export class CreatedAccountResponse {
  user!: UserResponse;

  /** Give it to the person; they must change it at their first sign-in. @example "k7mq-3xtv-p9ha-wd4e" */
  oneTimePassword!: string;
}
