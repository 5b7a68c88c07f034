import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { Optional } from '../../../common/validation/optional';

/** The early warning of a study period, for one class or every class within reach. */
export class EarlyWarningQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  periodId!: string;

  /** One class (within reach); default: every class of the period's grades within reach. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;
}

/** Notify the class teachers and guardians of the flagged students (all flagged in scope, or those named). */
export class EarlyWarningNotifyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  periodId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  /** Only these students (those not flagged are left out). */
  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 200 })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds?: string[];
}

/** A subject whose weighted average of the period is below 3. */
export class LowAverage {
  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  /** @example 'Математика' */
  subject!: string;

  /** The weighted average (subjectAverages). @example 2.67 */
  average!: number;

  /** The marks it rests on. @example 6 */
  marks!: number;
}

/** The student's missed lessons of the period, when their share exceeds the school's setting. */
export class MissedShare {
  /** Conducted lessons the student was due at. @example 40 */
  lessons!: number;

  /** Missed (Н, У, Б). @example 14 */
  missed!: number;

  /** missed / lessons, to 2 decimals. @example 0.35 */
  share!: number;
}

export class EarlyWarningItem {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  /** @example 'Иванов Пётр Сергеевич' */
  fullName!: string;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  /** @example '7Б' */
  className!: string;

  /** Subjects with a period average below 3. */
  @ApiProperty({ type: [LowAverage] })
  lowAverages!: LowAverage[];

  /** Missed lessons above the school's share; null when within it. */
  @ApiProperty({ type: MissedShare, nullable: true })
  absence!: MissedShare | null;
}

export class EarlyWarningResponse {
  @ApiProperty({ format: 'uuid' })
  periodId!: string;

  /** @example '2 четверть' */
  periodName!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  /** The school's share of missed lessons above which a student is flagged. @example 0.3 */
  absenceShare!: number;

  /** Flagged students, by class and name. */
  @ApiProperty({ type: [EarlyWarningItem] })
  items!: EarlyWarningItem[];
}

export class EarlyWarningNotifyResponse {
  /** Flagged students whose class teacher and guardians were notified. @example 3 */
  students!: number;

  /** Notifications recorded (one per student and recipient). @example 7 */
  notifications!: number;

  /** Distinct users notified (class teachers and guardians with accounts). @example 5 */
  notified!: number;
}
