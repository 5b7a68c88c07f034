import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate } from '../../../common/validation/validators';
import { DiaryHomeworkItem } from '../../diary/dto/diary.dto';

/** Homework due in [from, to] (both inclusive, at most 366 days). */
export class ClassHomeworkQuery {
  /** @example 2026-11-16 */
  @IsIsoDate()
  from!: string;

  /** inclusive @example 2026-11-22 */
  @IsIsoDate()
  to!: string;
}

export class ClassHomeworkResponse {
  @ApiProperty({ type: [DiaryHomeworkItem] })
  items!: DiaryHomeworkItem[];
}
