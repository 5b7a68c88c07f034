import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';

/** A subgroup of a class for one subject (`subject-invalid` 422 unless an active subject of the school). */
export class CreateSubgroupDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  /** Unique per class and subject (`subgroup-exists`, 409). @example "1 группа" */
  @ApiProperty({ minLength: 1, maxLength: 50, example: '1 группа' })
  @IsString()
  @MaxLength(50)
  @Matches(/\S/, { message: 'must not be blank' })
  name!: string;
}

/** Rename a subgroup (its class and subject never change). */
export class UpdateSubgroupDto extends PartialType(PickType(CreateSubgroupDto, ['name'] as const), { skipNullProperties: false }) {}

export class SubgroupListQuery {
  /** Only the subgroups of this subject. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  subjectId?: string;
}

export class SubgroupQuery {
  /** The day whose members are listed (default: today in the school's time zone). */
  @Optional()
  @IsIsoDate({ api: { required: false, description: "The day whose members are listed (default: today in the school's time zone)" } })
  on?: string;
}

/** Students join the subgroup from `date`: each must be enrolled in the subgroup's class on that day. */
export class AddSubgroupMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds!: string[];

  /** The first day in the subgroup. */
  @IsIsoDate()
  date!: string;
}

/** An admin moves a student to another subgroup of the same class and subject from `date` (§4.4.2). */
export class MoveSubgroupMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toSubgroupId!: string;

  /** The first day in the target subgroup (and the first day out of this one). */
  @IsIsoDate()
  date!: string;
}

export class EndSubgroupMembershipQuery {
  /** The first day the student is no longer in the subgroup. */
  @IsIsoDate()
  date!: string;
}

/** A subgroup with the number of its members today. */
export class SubgroupResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty({ example: 'Английский язык' })
  subjectName!: string;

  @ApiProperty({ example: '1 группа' })
  name!: string;

  /** Members today (in the school's time zone). */
  @ApiProperty({ example: 12 })
  memberCount!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

/** A student's membership of a subgroup: [startsOn, endsOn), endsOn null while it lasts. */
export class SubgroupMemberResponse {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ example: 'Иванов' })
  surname!: string;

  @ApiProperty({ example: 'Пётр' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Сергеевич' })
  patronymic!: string | null;

  @ApiProperty({ type: String, format: 'date' })
  startsOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn!: string | null;
}

/** A subgroup with its members on one day. */
export class SubgroupDetailResponse extends SubgroupResponse {
  /** The day the members are listed for. */
  @ApiProperty({ type: String, format: 'date' })
  on!: string;

  @ApiProperty({ type: [SubgroupMemberResponse] })
  members!: SubgroupMemberResponse[];
}

/** One move: the membership closed in the source subgroup (null when it began that same day and was removed) and the one opened. */
export class SubgroupMoveResponse {
  @ApiProperty({ type: SubgroupMemberResponse, nullable: true })
  closed!: SubgroupMemberResponse | null;

  @ApiProperty({ type: SubgroupMemberResponse })
  opened!: SubgroupMemberResponse;

  @ApiProperty({ format: 'uuid' })
  fromSubgroupId!: string;

  @ApiProperty({ format: 'uuid' })
  toSubgroupId!: string;
}
