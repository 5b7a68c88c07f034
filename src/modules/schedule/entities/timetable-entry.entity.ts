import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { TeachingAssignment } from '../../contingent/entities/teaching-assignment.entity';
import { AcademicYear } from '../../school/entities/academic-year.entity';
import { Room } from './room.entity';

/**
 * Строка расписания: on this weekday, at this lesson number (звонок), the teaching assignment (class or subgroup ×
 * subject × teacher) is held in this room, over the half-open interval [valid_from, valid_to) like enrolment;
 * valid_to NULL = until the end of the academic year. A change of the timetable closes entries (valid_to) and adds
 * new ones, so what the timetable was on a past date stays answerable. Conflicts (teacher, room, class) are checked
 * by `TimetableService` under a per-school lock, because the teacher and the class live on the assignment.
 */
@Entity('timetable_entry')
@Index('ix_timetable_entry_slot', ['schoolId', 'academicYearId', 'weekday', 'lessonNumber'])
@Index('ix_timetable_entry_assignment', ['teachingAssignmentId'])
@Index('ix_timetable_entry_room', ['roomId'])
@Check('ck_timetable_entry_weekday', '"weekday" BETWEEN 1 AND 7')
@Check('ck_timetable_entry_lesson', '"lesson_number" BETWEEN 0 AND 20')
@Check('ck_timetable_entry_dates', '"valid_to" IS NULL OR "valid_to" > "valid_from"')
export class TimetableEntry extends TenantEntity {
  @Column({ type: 'uuid' })
  academicYearId!: string;

  @ApiHideProperty()
  @ManyToOne(() => AcademicYear, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'academic_year_id' })
  academicYear?: AcademicYear;

  /** ISO weekday: 1 Monday … 7 Sunday. */
  @Column({ type: 'smallint' })
  weekday!: number;

  @Column({ type: 'smallint' })
  lessonNumber!: number;

  @Column({ type: 'uuid' })
  teachingAssignmentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => TeachingAssignment, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'teaching_assignment_id' })
  teachingAssignment?: TeachingAssignment;

  /** NULL: no room (e.g. PE outdoors, or not yet set) */
  @Column({ type: 'uuid', nullable: true })
  roomId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Room, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'room_id' })
  room?: Room | null;

  @Column({ type: 'date' })
  validFrom!: string;

  /** exclusive; NULL = to the end of the academic year */
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;
}
