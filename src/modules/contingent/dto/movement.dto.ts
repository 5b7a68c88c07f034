import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';
import { MovementKind } from '../entities/enrollment.entity';

/** One order of движение обучающихся: arrival (прибытие), departure (выбытие) or transfer (перевод). */
export class CreateMovementDto {
  @ApiProperty({ enum: MovementKind })
  @IsIn(Object.values(MovementKind))
  kind!: MovementKind;

  /** The order's date: the first day in the new class, or the first day out of the school. */
  @IsIsoDate()
  date!: string;

  /** Номер приказа. @example "112-у" */
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(/\S/, { message: 'must not be blank' })
  orderNumber!: string;

  /** Основание. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(500)
  reason?: string | null;

  /** The class arrived in (arrival) or transferred to (transfer); not given for a departure. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  /** Arrival: where from; departure: where to. Not given for a transfer. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(300)
  place?: string | null;
}

export class MovementListQuery extends PageQuery {
  /** Movements on or after this date. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  from?: string;

  /** Movements on or before this date. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ enum: MovementKind })
  @Optional()
  @IsIn(Object.values(MovementKind))
  kind?: MovementKind;

  /** Movements out of or into this class. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;
}

/** One movement (a line of the книга движения). */
export class MovementResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  /** ФИО of the student. */
  @ApiProperty({ example: 'Ёлкина Анна Сергеевна' })
  studentName!: string;

  @ApiProperty({ enum: MovementKind })
  kind!: MovementKind;

  @ApiProperty({ type: String, format: 'date' })
  date!: string;

  @ApiProperty({ example: '112-у' })
  orderNumber!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  fromClassId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '5А' })
  fromClassName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  toClassId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '5Б' })
  toClassName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  place!: string | null;

  @ApiProperty()
  createdAt!: Date;
}

/** A stay in a class, [startsOn, endsOn). */
export class EnrollmentInterval {
  @ApiProperty({ format: 'uuid' })
  classId!: string;

  @ApiProperty({ example: '5А' })
  className!: string;

  @ApiProperty({ type: String, format: 'date' })
  startsOn!: string;

  /** The first day no longer in the class; null while still there. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn!: string | null;
}

/** A student's movements and enrolment intervals, oldest first. */
export class StudentMovementHistory {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ type: [MovementResponse] })
  movements!: MovementResponse[];

  @ApiProperty({ type: [EnrollmentInterval] })
  enrollments!: EnrollmentInterval[];
}
