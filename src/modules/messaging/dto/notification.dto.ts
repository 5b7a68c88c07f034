import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';

export class NotificationListQuery extends PageQuery {
  /** Only the unread ones. */
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Optional()
  @Matches(/^(true|false)$/, { message: 'must be true or false' })
  unread?: 'true' | 'false';
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** Stable kind, e.g. `timetable-change`. */
  kind!: string;

  /** @example 'Изменение в расписании' */
  title!: string;

  /** @example '15.09.2026, 2-й урок, 5А, Математика: замена — Петрова Анна Ивановна. Причина: болезнь учителя' */
  body!: string;

  /** Machine-readable facts: for `timetable-change` changeId, kind, date, lessonNumber, classId, subgroupId. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  payload!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;

  /** null: unread */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: Date | null;
}
