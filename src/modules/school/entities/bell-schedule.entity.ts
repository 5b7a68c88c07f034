import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';

/** `time` read back as 'HH:MM'. */
const hhmm = { to: (v: string) => v, from: (v: string | null) => (v === null ? null : v.slice(0, 5)) };

/** Расписание звонков, e.g. «1 смена». */
@Entity('bell_schedule')
@Index('uq_bell_schedule_name', ['schoolId', 'name'], { unique: true })
@Index('uq_bell_schedule_default', ['schoolId'], { unique: true, where: '"is_default"' })
export class BellSchedule extends TenantEntity {
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'boolean', default: false })
  isDefault!: boolean;
}

/** Звонок: lesson number → start and end time. */
@Entity('bell')
@Index('uq_bell_number', ['schoolId', 'bellScheduleId', 'lessonNumber'], { unique: true })
@Check('ck_bell_times', '"ends_at" > "starts_at"')
@Check('ck_bell_number', '"lesson_number" BETWEEN 0 AND 20')
export class Bell extends TenantEntity {
  @Column({ type: 'uuid' })
  bellScheduleId!: string;

  @ApiHideProperty()
  @ManyToOne(() => BellSchedule, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'bell_schedule_id' })
  bellSchedule?: BellSchedule;

  @Column({ type: 'smallint' })
  lessonNumber!: number;

  /** 'HH:MM' */
  @Column({ type: 'time', transformer: hhmm })
  startsAt!: string;

  /** 'HH:MM' */
  @Column({ type: 'time', transformer: hhmm })
  endsAt!: string;
}
