import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { User } from '../../auth/entities/user.entity';
import { TeachingAssignment } from '../../contingent/entities/teaching-assignment.entity';

export enum PlanStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Approved = 'approved',
  Returned = 'returned',
}

/**
 * Календарно-тематическое планирование (КТП): the plan of one teaching assignment (which carries the year), with its
 * ordered topics (PlanTopic). Written by the teacher, submitted, approved or returned by the deputy.
 */
@Entity('thematic_plan')
@Index('uq_thematic_plan_assignment', ['teachingAssignmentId'], { unique: true })
@Check('ck_thematic_plan_status', `"status" IN ('draft', 'submitted', 'approved', 'returned')`)
export class ThematicPlan extends TenantEntity {
  @Column({ type: 'uuid' })
  teachingAssignmentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => TeachingAssignment, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'teaching_assignment_id' })
  teachingAssignment?: TeachingAssignment;

  @Column({ type: 'varchar', length: 10 })
  status!: PlanStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'approved_by_user_id' })
  approvedBy?: User | null;

  /** the reason of the last return (возврат на доработку) */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;
}
