import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';
import { Gender } from '../entities/student.entity';

/** The arrival (прибытие) recorded together with a new card. */
export class NewStudentArrivalDto {
  /** The class the student arrives in. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  classId!: string;

  /** The first day in the class (the order's date). */
  @IsIsoDate()
  date!: string;

  /** Номер приказа. @example "45-у" */
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

  /** Where from: another school, a kindergarten, «впервые». */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(300)
  place?: string | null;
}

/** A student's card as admin and secretary create it; `schoolId`, `verifiedAt`, `userId` in the body → 422. */
export class CreateStudentDto {
  /** Фамилия. @example "Ёлкина" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'must not be blank' })
  surname!: string;

  /** Имя. @example "Анна" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'must not be blank' })
  name!: string;

  /** Отчество, if any. @example "Сергеевна" */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(100)
  patronymic?: string | null;

  /** Дата рождения: 5 to 22 years old today (`birth-date-implausible`, 422). */
  @IsIsoDate({ api: { example: '2015-03-14' } })
  birthDate!: string;

  /** Пол: m or f. */
  @ApiProperty({ enum: Gender })
  @IsIn(Object.values(Gender))
  gender!: Gender;

  /** Номер личного дела, unique in the school (`file-number-taken`, 409). @example "А-2026/015" */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(/\S/, { message: 'must not be blank' })
  personalFileNumber!: string;

  /** Телефон (a Russian number is stored as +7XXXXXXXXXX). @example "+7 912 345-67-89" */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(32)
  phone?: string | null;

  /** E-mail. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(254)
  email?: string | null;

  /** Record the arrival in a class in the same transaction. */
  @ApiPropertyOptional({ type: NewStudentArrivalDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewStudentArrivalDto)
  arrival?: NewStudentArrivalDto;
}

/** Any card field (null clears the patronymic or a contact); the file number only by admin or secretary. */
export class UpdateStudentDto extends PartialType(OmitType(CreateStudentDto, ['arrival'] as const), { skipNullProperties: false }) {}

export const STUDENT_STATUSES = ['current', 'departed', 'all'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export class StudentListQuery extends PageQuery {
  /** Only students of this class on the date. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  /** A substring of the ФИО or of the personal file number (any case). */
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** The date the status and class refer to; the school's today unless given. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  on?: string;

  /** current: enrolled on the date (default); departed: was enrolled before, not on the date; all. */
  @ApiPropertyOptional({ enum: STUDENT_STATUSES, default: 'current' })
  @Optional()
  @IsIn(STUDENT_STATUSES)
  status?: StudentStatus;
}

export class UnverifiedQuery extends PageQuery {
  /** A card confirmed longer ago than this many days counts as unverified (30 by §4.3.6). */
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 30 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;
}

export class ClassRosterQuery {
  /** The date of the list; the school's today unless given. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  on?: string;
}

/** One student in a list. */
export class StudentListItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Ёлкина' })
  surname!: string;

  @ApiProperty({ example: 'Анна' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Сергеевна' })
  patronymic!: string | null;

  @ApiProperty({ example: 'А-2026/015' })
  personalFileNumber!: string;

  /** The class on the date asked (null: in no class then). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  classId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '5А' })
  className!: string | null;
}

/** Who confirmed the card, and when. */
export class StudentVerification {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ type: Date, nullable: true })
  verifiedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Иванова Мария Петровна' })
  verifiedByName!: string | null;
}

/** A student's card. */
export class StudentCard {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Ёлкина' })
  surname!: string;

  @ApiProperty({ example: 'Анна' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ type: String, format: 'date', example: '2015-03-14' })
  birthDate!: string;

  @ApiProperty({ enum: Gender })
  gender!: Gender;

  @ApiProperty({ example: 'А-2026/015' })
  personalFileNumber!: string;

  @ApiProperty({ type: String, nullable: true, example: '+79123456789' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  /** The class today (null: in no class, e.g. departed). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  classId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '5А' })
  className!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  verifiedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  verifiedByName!: string | null;

  /** The student has activated their own account. */
  @ApiProperty()
  hasAccount!: boolean;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

/** A current student whose card awaits confirmation (§4.3.6). */
export class UnverifiedStudent {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  surname!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  @ApiProperty({ example: '5А' })
  className!: string;

  /** The last confirmation (null: never). */
  @ApiProperty({ type: Date, nullable: true })
  verifiedAt!: Date | null;
}

/** One line of a class list on a date (no contacts). */
export class ClassRosterEntry {
  /** № п/п. */
  @ApiProperty({ example: 1 })
  number!: number;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  surname!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ enum: Gender })
  gender!: Gender;

  @ApiProperty({ type: String, format: 'date' })
  birthDate!: string;

  @ApiProperty()
  personalFileNumber!: string;
}

/** The list of a class on a date (список класса на дату). */
export class ClassRoster {
  @ApiProperty({ format: 'uuid' })
  classId!: string;

  @ApiProperty({ example: '5А' })
  className!: string;

  @ApiProperty({ type: String, format: 'date' })
  on!: string;

  @ApiProperty({ type: [ClassRosterEntry] })
  items!: ClassRosterEntry[];
}
