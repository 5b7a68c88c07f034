import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { User } from '../../auth/entities/user.entity';
import { Student } from '../../contingent/entities/student.entity';
import { TeachingAssignment } from '../../contingent/entities/teaching-assignment.entity';
import { Lesson } from '../../schedule/entities/lesson.entity';
import { MarkType } from '../../school/entities/mark-type.entity';
import { School } from '../../school/entities/school.entity';

/** Where a mark was earned: the class journal, home schooling (§4.4.15), a hospital school (§4.16). */
export enum MarkSource {
  Journal = 'journal',
  Home = 'home',
  Hospital = 'hospital',
}

/**
 * A mark (отметка, R-JRN-2): 1–5 only, of a mark type whose weight the school sets, for a student in a lesson of a
 * teaching assignment — or, from home schooling or a hospital school, on a date of the assignment with the document it
 * comes from. Never deleted: an annulled mark keeps its row (annulled_at, reason); every change is in mark_history.
 * `deadline` and `late`: the date by which it was due (§4.4.8, §4.4.14) and whether it was entered after.
 */
@Entity('mark')
@Index('uq_mark_lesson_student_type', ['lessonId', 'studentId', 'markTypeId'], { unique: true, where: '"annulled_at" IS NULL AND "lesson_id" IS NOT NULL' })
@Index('ix_mark_assignment_date', ['schoolId', 'teachingAssignmentId', 'date'])
@Index('ix_mark_student_date', ['studentId', 'date'])
@Check('ck_mark_value', '"value" BETWEEN 1 AND 5')
@Check('ck_mark_source', `"source" IN ('journal', 'home', 'hospital') AND ("source" = 'journal') = ("lesson_id" IS NOT NULL) AND ("source" = 'journal' OR "source_document" IS NOT NULL)`)
@Check('ck_mark_annulled', '("annulled_at" IS NULL) = ("annul_reason" IS NULL)')
export class Mark extends TenantEntity {
  @Column({ type: 'uuid' })
  teachingAssignmentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => TeachingAssignment, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'teaching_assignment_id' })
  teachingAssignment?: TeachingAssignment;

  /** the lesson; NULL for a mark from home schooling or a hospital school */
  @Column({ type: 'uuid', nullable: true })
  lessonId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson | null;

  /** the lesson's date, or the date of the mark from home schooling or a hospital school */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'uuid' })
  markTypeId!: string;

  @ApiHideProperty()
  @ManyToOne(() => MarkType, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'mark_type_id' })
  markType?: MarkType;

  @Column({ type: 'smallint' })
  value!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 10, default: MarkSource.Journal })
  source!: MarkSource;

  /** справка / приказ the mark comes from (home schooling, hospital school) */
  @Column({ type: 'varchar', length: 200, nullable: true })
  sourceDocument!: string | null;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  annulledAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  annulReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: User | null;
}

/** What happened to a mark. */
export enum MarkHistoryAction {
  Create = 'create',
  Change = 'change',
  Annul = 'annul',
}

/**
 * The history of a mark (R-JRN-5): one row per creation, change and annulment — old and new value and type, who,
 * when, why, and whether it came after the mark's deadline. Append-only (the database refuses UPDATE, DELETE, TRUNCATE).
 */
@Entity('mark_history')
@Index('ix_mark_history_mark', ['markId', 'changedAt'])
@Index('ix_mark_history_school', ['schoolId', 'changedAt'])
@Check('ck_mark_history_action', `"action" IN ('create', 'change', 'annul')`)
export class MarkHistory {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  schoolId!: string;

  @ApiHideProperty()
  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Column({ type: 'uuid' })
  markId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Mark, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'mark_id' })
  mark?: Mark;

  @Column({ type: 'varchar', length: 10 })
  action!: MarkHistoryAction;

  @Column({ type: 'smallint', nullable: true })
  oldValue!: number | null;

  @Column({ type: 'smallint', nullable: true })
  newValue!: number | null;

  @Column({ type: 'uuid', nullable: true })
  oldMarkTypeId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  newMarkTypeId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** the change came after the mark's deadline */
  @Column({ type: 'boolean', default: false })
  afterDeadline!: boolean;

  @Column({ type: 'uuid', nullable: true })
  changedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'changed_by_user_id' })
  changedBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt!: Date;
}

/**
 * A window when the journal could not be reached (§4.4.14), declared by the admin: deadlines that fall in it or
 * after its start move to one working day after access returned.
 */
@Entity('journal_outage')
@Index('ix_journal_outage_school', ['schoolId', 'startsAt'])
@Check('ck_journal_outage_span', '"ends_at" > "starts_at"')
export class JournalOutage extends TenantEntity {
  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  declaredByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'declared_by_user_id' })
  declaredBy?: User | null;
}

/**
 * A stored answer of a write sent with `Idempotency-Key` (per user): a retry with the same key and the same request
 * gets the same answer and writes nothing; the same key with another request is refused. Kept 24 hours.
 */
@Entity('idempotency_key')
@Index('uq_idempotency_key', ['userId', 'key'], { unique: true })
@Index('ix_idempotency_key_expires', ['expiresAt'])
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'uuid' })
  userId!: string;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  /** SHA-256 of the method, path and body */
  @Column({ type: 'char', length: 64 })
  fingerprint!: string;

  @Column({ type: 'smallint' })
  status!: number;

  @Column({ type: 'jsonb' })
  response!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
