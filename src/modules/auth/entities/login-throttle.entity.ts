import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-in counters (fixed windows) when no Redis is configured: one row per key (`acct:<login>` or
 * `addr:<client address>`). Rows whose window has ended are ignored and removed from time to time.
 */
@Entity('login_throttle')
@Index('ix_login_throttle_expires', ['expiresAt'])
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  @Column({ type: 'timestamptz' })
  windowStart!: Date;

  /** end of the window */
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
