import { ApiHideProperty } from '@nestjs/swagger';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { User } from '../../auth/entities/user.entity';
import { TeachingAssignment } from '../../contingent/entities/teaching-assignment.entity';
import { Lesson } from '../../schedule/entities/lesson.entity';

/**
 * Homework set at a lesson (R-HW-1): text, the date it is due (a later lesson's date when given by lesson), links
 * (stored, never fetched). One per lesson. `deadline`/`late`: due to be entered on the lesson's day (§4.4.5).
 */
@Entity('homework')
@Index('uq_homework_lesson', ['lessonId'], { unique: true })
@Index('ix_homework_due', ['schoolId', 'dueDate'])
@Index('ix_homework_assignment_due', ['teachingAssignmentId', 'dueDate'])
export class Homework extends TenantEntity {
  @Column({ type: 'uuid' })
  lessonId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  /** the lesson's teaching assignment (it never changes): the diary reads the homework due by the student's assignments */
  @Column({ type: 'uuid' })
  teachingAssignmentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => TeachingAssignment, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'teaching_assignment_id', foreignKeyConstraintName: 'fk_homework_assignment' })
  teachingAssignment?: TeachingAssignment;

  @Column({ type: 'varchar', length: 4000 })
  text!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  /** the lesson it is due at, when given by lesson */
  @Column({ type: 'uuid', nullable: true })
  dueLessonId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Lesson, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'due_lesson_id' })
  dueLesson?: Lesson | null;

  /** URLs, as given (never fetched) */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  links!: string[];

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: User | null;
}
