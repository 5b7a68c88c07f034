import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { User } from '../../auth/entities/user.entity';
import { Staff } from '../../contingent/staff.entity';
import { TeachingAssignment } from '../../contingent/entities/teaching-assignment.entity';
import { Room } from './room.entity';
import { TimetableEntry } from './timetable-entry.entity';

/** What a dated change does to a lesson (R-SCH-3, §4.4.9). */
export enum TimetableChangeKind {
  /** замена: another teacher gives the lesson */
  Substitution = 'substitution',
  /** another room */
  RoomChange = 'room_change',
  /** the lesson is not held (kept in the views with a flag) */
  Cancellation = 'cancellation',
  /** the lesson is held on another date and/or at another lesson number */
  Move = 'move',
  /** дополнительный урок: a lesson of an assignment not in the weekly timetable */
  Extra = 'extra',
}

/**
 * A dated change of the timetable: on `date`, the scheduled lesson `timetable_entry_id` (its weekday and validity
 * cover the date) is substituted, moved to another room, cancelled or moved to (moved_to_date, moved_to_lesson);
 * or, kind `extra`, an extra lesson of `teaching_assignment_id` at `lesson_number`. At most one change per scheduled
 * lesson and date. `reason` is required; `order_number` (номер приказа) is optional, because the order is often
 * signed after the fact — the substitution log shows it empty until then.
 */
@Entity('timetable_change')
@Index('uq_timetable_change_entry_date', ['timetableEntryId', 'date'], { unique: true, where: '"timetable_entry_id" IS NOT NULL' })
@Index('ix_timetable_change_date', ['schoolId', 'date'])
@Index('ix_timetable_change_moved', ['schoolId', 'movedToDate'])
@Check('ck_timetable_change_kind', `"kind" IN ('substitution', 'room_change', 'cancellation', 'move', 'extra')`)
@Check(
  'ck_timetable_change_shape',
  `("kind" = 'extra') = ("timetable_entry_id" IS NULL) AND ("kind" = 'extra') = ("teaching_assignment_id" IS NOT NULL) ` +
    `AND ("kind" = 'substitution') = ("substitute_staff_id" IS NOT NULL) ` +
    `AND ("kind" = 'move') = ("moved_to_date" IS NOT NULL) AND ("moved_to_date" IS NULL) = ("moved_to_lesson" IS NULL) ` +
    `AND ("kind" <> 'room_change' OR "room_id" IS NOT NULL) AND ("room_id" IS NULL OR "kind" IN ('room_change', 'extra', 'move'))`,
)
@Check('ck_timetable_change_lesson', '"lesson_number" BETWEEN 0 AND 20 AND ("moved_to_lesson" IS NULL OR "moved_to_lesson" BETWEEN 0 AND 20)')
@Check('ck_timetable_change_reason', 'char_length(btrim("reason")) BETWEEN 1 AND 500')
export class TimetableChange extends TenantEntity {
  @Column({ type: 'date' })
  date!: string;

  /** the lesson number on `date` (the entry's, or the extra lesson's) */
  @Column({ type: 'smallint' })
  lessonNumber!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: TimetableChangeKind;

  /** the scheduled lesson changed; NULL for an extra lesson */
  @Column({ type: 'uuid', nullable: true })
  timetableEntryId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => TimetableEntry, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'timetable_entry_id' })
  timetableEntry?: TimetableEntry | null;

  /** the assignment of an extra lesson; NULL otherwise (the entry's) */
  @Column({ type: 'uuid', nullable: true })
  teachingAssignmentId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => TeachingAssignment, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'teaching_assignment_id' })
  teachingAssignment?: TeachingAssignment | null;

  @Column({ type: 'uuid', nullable: true })
  substituteStaffId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Staff, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'substitute_staff_id' })
  substituteStaff?: Staff | null;

  /** the new room (room change; optional for a move or an extra lesson) */
  @Column({ type: 'uuid', nullable: true })
  roomId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Room, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'room_id' })
  room?: Room | null;

  @Column({ type: 'date', nullable: true })
  movedToDate!: string | null;

  @Column({ type: 'smallint', nullable: true })
  movedToLesson!: number | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  /** номер приказа; NULL until the order is known */
  @Column({ type: 'varchar', length: 50, nullable: true })
  orderNumber!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: User | null;
}
