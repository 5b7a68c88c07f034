import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { User } from '../../auth/entities/user.entity';
import { SchoolClass } from '../../contingent/class.entity';
import { Student } from '../../contingent/entities/student.entity';
import { Lesson } from '../../schedule/entities/lesson.entity';
import { School } from '../../school/entities/school.entity';

/** Absence codes as КИАСУО uses them (R-ATT-1); present is the absence of a row. */
export enum AbsenceCode {
  /** не был без уважительной причины */
  Absent = 'Н',
  /** уважительная причина */
  Excused = 'У',
  /** болезнь */
  Ill = 'Б',
  /** опоздание */
  Late = 'О',
}

/**
 * A student's absence or lateness at a lesson (R-ATT-1). `deadline`/`late`: due on the lesson's day (§4.4.4, moved by
 * an outage), and whether it was entered after.
 */
@Entity('attendance')
@Index('uq_attendance_lesson_student', ['lessonId', 'studentId'], { unique: true })
@Index('ix_attendance_student', ['studentId', 'lessonId'])
@Index('ix_attendance_school', ['schoolId', 'lessonId'])
@Check('ck_attendance_code', `"code" IN ('Н', 'У', 'Б', 'О')`)
export class Attendance extends TenantEntity {
  @Column({ type: 'uuid' })
  lessonId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'varchar', length: 1 })
  code!: AbsenceCode;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'uuid', nullable: true })
  recordedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: User | null;
}

/**
 * Every change of a student's attendance at a lesson (R-ATT-2): old and new code (NULL: present), note, who, when,
 * why. Append-only.
 */
@Entity('attendance_history')
@Index('ix_attendance_history_lesson', ['lessonId', 'studentId', 'changedAt'])
@Index('ix_attendance_history_school', ['schoolId', 'changedAt'])
export class AttendanceHistory {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  schoolId!: string;

  @ApiHideProperty()
  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Column({ type: 'uuid' })
  lessonId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'varchar', length: 1, nullable: true })
  oldCode!: AbsenceCode | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  newCode!: AbsenceCode | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  oldNote!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  newNote!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  changedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'changed_by_user_id' })
  changedBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt!: Date;
}

/** The class teacher's weekly verification of a class's absences (§4.3.7): the Monday of the week, who, when. */
@Entity('attendance_week')
@Index('uq_attendance_week', ['classId', 'weekStartsOn'], { unique: true })
@Check('ck_attendance_week_monday', 'extract(isodow FROM "week_starts_on") = 1')
export class AttendanceWeek extends TenantEntity {
  @Column({ type: 'uuid' })
  classId!: string;

  @ApiHideProperty()
  @ManyToOne(() => SchoolClass, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'class_id' })
  schoolClass?: SchoolClass;

  @Column({ type: 'date' })
  weekStartsOn!: string;

  @Column({ type: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'verified_by_user_id' })
  verifiedBy?: User | null;

  @Column({ type: 'timestamptz' })
  verifiedAt!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
