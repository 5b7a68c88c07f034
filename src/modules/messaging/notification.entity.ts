import { ApiHideProperty } from '@nestjs/swagger';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../database/tenant.entity';
import { User } from '../auth/entities/user.entity';

/**
 * A notification for one user (the recipient), e.g. «Изменение в расписании» when a dated change touches a lesson of
 * the coming week. Written in the transaction of what caused it; read and marked read by the recipient only.
 * `payload` carries the machine-readable facts (ids, date, lesson number) for clients; `kind` is stable
 * (`timetable-change`, …); the messaging issue adds delivery channels.
 */
@Entity('notification')
@Index('ix_notification_user', ['schoolId', 'userId', 'createdAt'])
export class Notification extends TenantEntity {
  @Column({ type: 'uuid' })
  userId!: string;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
