import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../database/tenant.entity';
import { User } from '../auth/entities/user.entity';
import { Guardian } from '../contingent/entities/guardian.entity';
import { Student } from '../contingent/entities/student.entity';

export enum InvitationKind {
  /** for the student's own account */
  Student = 'student',
  /** for one guardian–student pair */
  Guardian = 'guardian',
}

/**
 * Пригласительный код. Only the SHA-256 of the code is kept. At most one live (neither used nor revoked) code per
 * student for the student, and per guardian–student pair; re-issuing revokes the live one.
 */
@Entity('invitation_code')
@Index('uq_invitation_code_hash', ['codeHash'], { unique: true })
/** (student, guardian) UNIQUE NULLS NOT DISTINCT WHERE neither used nor revoked — written by hand in the migration */
@Index('uq_invitation_code_live', { synchronize: false })
@Index('ix_invitation_code_student', ['studentId'])
@Check('ck_invitation_code_kind', `("kind" = 'student' AND "guardian_id" IS NULL) OR ("kind" = 'guardian' AND "guardian_id" IS NOT NULL)`)
export class InvitationCode extends TenantEntity {
  @Column({ type: 'varchar', length: 12 })
  kind!: InvitationKind;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'uuid', nullable: true })
  guardianId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Guardian, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'guardian_id' })
  guardian?: Guardian | null;

  /** hex SHA-256 of the normalised code */
  @ApiHideProperty()
  @Column({ type: 'char', length: 64, select: false })
  codeHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  issuedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'issued_by_user_id' })
  issuedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  usedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'used_by_user_id' })
  usedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
