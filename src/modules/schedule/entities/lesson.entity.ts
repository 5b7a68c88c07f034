import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { Staff } from '../../contingent/staff.entity';
import { TeachingAssignment } from '../../contingent/entities/teaching-assignment.entity';
import { Room } from './room.entity';
import { TimetableChange } from './timetable-change.entity';
import { TimetableEntry } from './timetable-entry.entity';

/**
 * A dated lesson (урок на дату): one lesson of a teaching assignment on a date at a lesson number, derived from the
 * weekly timetable, the calendar of the class's grade and the dated changes (`materialiseLessons`). `staff_id` and
 * `room_id` are the lesson's as changed (a substitute, another room); a cancelled lesson, or a moved one at its
 * original slot, stays with `cancelled` so the diary can show it; a moved or extra lesson carries its change.
 * A lesson with journal data (`conducted_at`, set by the journal) is never changed or removed by re-derivation; only
 * such lessons are audited (the rest is re-derivable from audited sources).
 */
@Entity('lesson')
@Index('uq_lesson_slot', ['teachingAssignmentId', 'date', 'lessonNumber'], { unique: true })
@Index('ix_lesson_school_date', ['schoolId', 'date'])
@Index('ix_lesson_staff_date', ['staffId', 'date'])
@Index('ix_lesson_entry', ['timetableEntryId'])
@Index('ix_lesson_change', ['timetableChangeId'])
@Check('ck_lesson_record', `("conducted_at" IS NULL) = ("topic" IS NULL) AND ("work_kind" IS NULL OR "work_kind" IN ('lesson', 'practical', 'lab', 'test'))`)
export class Lesson extends TenantEntity {
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'smallint' })
  lessonNumber!: number;

  @Column({ type: 'uuid' })
  teachingAssignmentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => TeachingAssignment, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'teaching_assignment_id' })
  teachingAssignment?: TeachingAssignment;

  /** who gives the lesson: the assignment's teacher or, on a substitution, the substitute */
  @Column({ type: 'uuid' })
  staffId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Staff, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'staff_id' })
  staff?: Staff;

  @Column({ type: 'uuid', nullable: true })
  roomId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Room, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'room_id' })
  room?: Room | null;

  /** the weekly timetable entry it comes from; NULL for an extra lesson (or once the entry is gone) */
  @Column({ type: 'uuid', nullable: true })
  timetableEntryId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => TimetableEntry, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'timetable_entry_id' })
  timetableEntry?: TimetableEntry | null;

  /** the dated change acting on it (substitution, room change, cancellation, move, extra lesson) */
  @Column({ type: 'uuid', nullable: true })
  timetableChangeId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => TimetableChange, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'timetable_change_id' })
  timetableChange?: TimetableChange | null;

  @Column({ type: 'boolean', default: false })
  cancelled!: boolean;

  /** when the journal first recorded the lesson as given; NOT NULL = the lesson has journal data and is frozen */
  @Column({ type: 'timestamptz', nullable: true })
  conductedAt!: Date | null;

  /** the topic the journal records (Russian, required to conduct the lesson, §4.4.1) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  topic!: string | null;

  /** the kind of work of a practical, laboratory or control lesson (§4.4.1): lesson, practical, lab, test */
  @Column({ type: 'varchar', length: 10, nullable: true })
  workKind!: string | null;

  /** who actually gave the lesson (the substitute where there was one) */
  @Column({ type: 'uuid', nullable: true })
  taughtByStaffId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Staff, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'taught_by_staff_id' })
  taughtBy?: Staff | null;

  /** the date by which the lesson's record was due (the lesson's day, moved by an outage) and whether it came later */
  @Column({ type: 'date', nullable: true })
  recordDeadline!: string | null;

  @Column({ type: 'boolean', default: false })
  recordLate!: boolean;
}
