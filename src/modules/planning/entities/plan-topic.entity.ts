import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { numericTransformer } from '../../../database/base.entity';
import { TenantEntity } from '../../../database/tenant.entity';
import { ThematicPlan } from './thematic-plan.entity';

export enum TopicKind {
  /** урок */
  Lesson = 'lesson',
  /** практическая работа */
  Practical = 'practical',
  /** лабораторная работа */
  Lab = 'lab',
  /** контрольная работа */
  Test = 'test',
}

/** Тема КТП: one topic of a thematic plan at its position (1…n, contiguous), so many hours, of a kind of work. */
@Entity('plan_topic')
@Index('uq_plan_topic_position', ['planId', 'position'], { unique: true })
@Check('ck_plan_topic_position', '"position" > 0')
@Check('ck_plan_topic_hours', '"hours" > 0')
@Check('ck_plan_topic_kind', `"kind" IN ('lesson', 'practical', 'lab', 'test')`)
export class PlanTopic extends TenantEntity {
  @Column({ type: 'uuid' })
  planId!: string;

  @ApiHideProperty()
  @ManyToOne(() => ThematicPlan, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'plan_id' })
  plan?: ThematicPlan;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericTransformer })
  hours!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: TopicKind;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes!: string | null;
}
