import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';
import { GuardianRelation } from '../entities/guardian.entity';

/** A guardian (родитель, законный представитель) as admin and secretary record them. */
export class CreateGuardianDto {
  /** Фамилия. @example "Ёлкина" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'must not be blank' })
  surname!: string;

  /** Имя. @example "Елена" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'must not be blank' })
  name!: string;

  /** Отчество, if any. @example "Викторовна" */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(100)
  patronymic?: string | null;

  /** Телефон (a Russian number is stored as +7XXXXXXXXXX). @example "8 (912) 345-67-89" */
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
}

/** Any of the fields; null clears the patronymic or a contact. */
export class UpdateGuardianDto extends PartialType(CreateGuardianDto, { skipNullProperties: false }) {}

export class GuardianListQuery extends PageQuery {
  /** A substring of the ФИО (any case). */
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

/** The kind of relation: mother, father, guardian (опекун), trustee (попечитель), foster_parent, other. */
export class LinkGuardianDto {
  @ApiProperty({ enum: GuardianRelation })
  @IsIn(Object.values(GuardianRelation))
  relation!: GuardianRelation;
}

/** A guardian in the school's list (no contacts: those are read on the card). */
export class GuardianListItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Ёлкина' })
  surname!: string;

  @ApiProperty({ example: 'Елена' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  /** How many children are linked. */
  @ApiProperty({ example: 2 })
  childrenCount!: number;

  @ApiProperty()
  hasAccount!: boolean;
}

/** One child of a guardian, as far as the reader reaches. */
export class GuardianChild {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty()
  surname!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ enum: GuardianRelation })
  relation!: GuardianRelation;
}

/** A guardian's card with contacts (reading it is a personal-data read). */
export class GuardianCard {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  surname!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+79123456789' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty()
  hasAccount!: boolean;

  /** The guardian's children within the reader's reach. */
  @ApiProperty({ type: [GuardianChild] })
  children!: GuardianChild[];

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

/** A guardian of a student, with the relation and contacts. */
export class StudentGuardianItem {
  @ApiProperty({ format: 'uuid' })
  guardianId!: string;

  @ApiProperty({ enum: GuardianRelation })
  relation!: GuardianRelation;

  @ApiProperty()
  surname!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty()
  hasAccount!: boolean;
}

/** The guardians of one student. */
export class StudentGuardianList {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ type: [StudentGuardianItem] })
  items!: StudentGuardianItem[];
}

/** A student ↔ guardian link. */
export class StudentGuardianLink {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ format: 'uuid' })
  guardianId!: string;

  @ApiProperty({ enum: GuardianRelation })
  relation!: GuardianRelation;
}
