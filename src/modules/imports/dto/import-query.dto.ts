import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators';
import { Optional } from '../../../common/validation/optional';

/** Options of a staff import (the file itself is the request body). */
export class StaffImportQuery {
  /** The file's name, for the report. @example "Сотрудники.xlsx" */
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName?: string;
}

/** Options of a class-list import (the file itself is the request body). */
export class ClassListImportQuery extends StaffImportQuery {
  /** The academic year whose classes the «Класс» column names. */
  @IsUUID()
  academicYearId!: string;

  /** Date of the arrivals, transfers and departures the import causes (within the year); default: today at the school. */
  @Optional()
  @IsIsoDate({ api: { required: false } })
  date?: string;

  /** Номер приказа for those movements; required when the import causes any (else the report says so). @example "12-у" */
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(/\S/, { message: 'must not be blank' })
  orderNumber?: string;

  /** Apply the proposed departures (students of the file's classes missing from the file). Default false. */
  @Optional()
  @Matches(/^(true|false)$/, { message: 'must be true or false' })
  applyDepartures?: 'true' | 'false';

  /** Go ahead although a class would change by more than IMPORT_MAX_CHANGE_SHARE of its students. Default false. */
  @Optional()
  @Matches(/^(true|false)$/, { message: 'must be true or false' })
  confirm?: 'true' | 'false';
}
