import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { SchoolClass } from '../class.entity';
import { Student } from './student.entity';

/**
 * A student's stay in a class: the half-open interval [starts_on, ends_on). `ends_on` is the first day the student
 * is no longer in the class (the date of the departure or transfer); NULL while they still are. Rows are only ever
 * added and closed, never moved: "who was in 5А on 1 October" is `starts_on <= d AND (ends_on IS NULL OR ends_on > d)`.
 */
@Entity('enrollment')
@Index('ix_enrollment_class', ['classId', 'startsOn'])
@Index('ix_enrollment_student', ['studentId', 'startsOn'])
@Index('uq_enrollment_open', ['studentId'], { unique: true, where: '"ends_on" IS NULL' })
@Check('ck_enrollment_dates', '"ends_on" IS NULL OR "ends_on" > "starts_on"')
export class Enrollment extends TenantEntity {
  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'uuid' })
  classId!: string;

  @ApiHideProperty()
  @ManyToOne(() => SchoolClass, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'class_id' })
  schoolClass?: SchoolClass;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;
}

export enum MovementKind {
  /** прибытие */
  Arrival = 'arrival',
  /** выбытие */
  Departure = 'departure',
  /** перевод между классами */
  Transfer = 'transfer',
}

/**
 * Движение обучающихся: one row per arrival, departure or transfer, with the date, the order number (номер приказа)
 * and the reason. Append-only: the database refuses UPDATE and DELETE, so the history is never rewritten.
 */
@Entity('movement')
@Index('ix_movement_student', ['studentId', 'occurredOn'])
@Index('ix_movement_school_date', ['schoolId', 'occurredOn'])
@Check('ck_movement_kind', `"kind" IN ('arrival', 'departure', 'transfer')`)
@Check(
  'ck_movement_classes',
  `("kind" = 'arrival' AND "from_class_id" IS NULL AND "to_class_id" IS NOT NULL)
   OR ("kind" = 'departure' AND "from_class_id" IS NOT NULL AND "to_class_id" IS NULL)
   OR ("kind" = 'transfer' AND "from_class_id" IS NOT NULL AND "to_class_id" IS NOT NULL AND "from_class_id" <> "to_class_id")`,
)
export class Movement extends TenantEntity {
  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'varchar', length: 12 })
  kind!: MovementKind;

  /** the date of the order: the first day in the new class, or the first day out of the school */
  @Column({ type: 'date' })
  occurredOn!: string;

  /** номер приказа */
  @Column({ type: 'varchar', length: 50 })
  orderNumber!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  fromClassId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => SchoolClass, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'from_class_id' })
  fromClass?: SchoolClass | null;

  @Column({ type: 'uuid', nullable: true })
  toClassId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => SchoolClass, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'to_class_id' })
  toClass?: SchoolClass | null;

  /** for an arrival: where from (another school, «впервые»); for a departure: where to */
  @Column({ type: 'varchar', length: 300, nullable: true })
  place!: string | null;
}
