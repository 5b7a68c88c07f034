import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { School } from '../../school/entities/school.entity';
import { User } from './user.entity';

/** Why a session ended. */
export enum SessionEndReason {
  /** the user signed out on this device */
  Logout = 'logout',
  /** the user ended it from their session list */
  EndedByUser = 'ended-by-user',
  /** an admin ended every session of the user */
  EndedByAdmin = 'ended-by-admin',
  /** the user changed their password and asked to end the other sessions */
  PasswordChange = 'password-change',
  /** an admin reset the password */
  PasswordReset = 'password-reset',
  /** a refresh token that had already been rotated was presented again: the session is taken to be stolen */
  RefreshReuse = 'refresh-reuse',
  /** an admin disabled the account */
  UserDisabled = 'user-disabled',
}

/**
 * Сеанс: one signed-in device of a user. Holds the refresh tokens; an access token names its session (`sid`), and the
 * access guard refuses it once the session has ended. Not audited row by row: sign-ins and session ends are recorded
 * as audit events by the auth services.
 */
@Entity('user_session')
@Index('ix_user_session_school_user', ['schoolId', 'userId'])
@Check(
  'ck_user_session_revoke_reason',
  `"revoke_reason" IN ('logout', 'ended-by-user', 'ended-by-admin', 'password-change', 'password-reset', 'refresh-reuse', 'user-disabled')`,
)
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** the user's school; null for the regional operator */
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => School, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: School | null;

  @Column({ type: 'uuid' })
  userId!: string;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** the User-Agent header at sign-in (shortened) */
  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  /** a name the client gave the device at sign-in, e.g. «Телефон» */
  @Column({ type: 'varchar', length: 100, nullable: true })
  deviceName!: string | null;

  /** client address at sign-in */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** sign-in or the latest refresh */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt!: Date;

  /** absolute end of the session (REFRESH_TTL_DAYS after sign-in); refreshing does not extend it */
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  revokeReason!: SessionEndReason | null;
}

/**
 * A refresh token of a session, kept only as the SHA-256 of the token. Rotated tokens stay (rotated_at set) so that
 * presenting one again is recognised as reuse; they go with their session.
 */
@Entity('refresh_token')
@Index('ix_refresh_token_session', ['sessionId'])
export class RefreshToken {
  /** hex SHA-256 of the whole token */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ApiHideProperty()
  @ManyToOne(() => UserSession, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id' })
  session?: UserSession;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** set when this token was exchanged for the next one */
  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;
}
