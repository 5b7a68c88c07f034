import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound } from '../../common/errors/problem';
import { CreateOutageDto, OutageListQuery, OutageListResponse, OutageResponse } from './dto/outage.dto';

const OUTAGE_SELECT = `SELECT id, starts_at AS "startsAt", ends_at AS "endsAt", reason, declared_by_user_id AS "declaredByUserId", created_at AS "createdAt"
  FROM journal_outage`;

/**
 * The statement of the school's outage windows as school-local dates (OutageDays: the day it began, the day access
 * returned) that end on or after `from` — the ones that may move a deadline of a lesson on or after that date; with the
 * placeholders (or expressions) of the school and the date.
 */
export function outageDaysSelect(school: string, from: string): string {
  return `SELECT to_char((o.starts_at AT TIME ZONE s.time_zone)::date, 'YYYY-MM-DD') AS "from",
            to_char((o.ends_at AT TIME ZONE s.time_zone)::date, 'YYYY-MM-DD') AS "to"
       FROM journal_outage o JOIN school s ON s.id = o.school_id
      WHERE o.school_id = ${school} AND (o.ends_at AT TIME ZONE s.time_zone)::date >= ${from}::date
      ORDER BY o.starts_at`;
}

/**
 * Outage windows (§4.4.14): the admin declares when the journal could not be reached; deadlines of entries written
 * afterwards move (journal-rules `applyOutages`). Deadlines already stored are not recomputed: the window is declared
 * when access returns, before the overdue entries are made.
 */
@Injectable()
export class OutageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(actor: Actor, dto: CreateOutageDto): Promise<OutageResponse> {
    const [starts, ends] = [Date.parse(dto.startsAt), Date.parse(dto.endsAt)];
    const sane = (ms: number) => Number.isFinite(ms) && ms >= Date.UTC(2000, 0, 1) && ms < Date.UTC(2100, 0, 1);
    if (!sane(starts)) throw fieldProblem('outage-span-invalid', 'startsAt', 'must be a moment of the years 2000–2099');
    if (!sane(ends)) throw fieldProblem('outage-span-invalid', 'endsAt', 'must be a moment of the years 2000–2099');
    if (ends <= starts) throw fieldProblem('outage-span-invalid', 'endsAt', 'must be after startsAt');
    return this.db.transaction(async (m) => {
      const rows = (await m.query(
        `INSERT INTO journal_outage (school_id, starts_at, ends_at, reason, declared_by_user_id) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, starts_at AS "startsAt", ends_at AS "endsAt", reason, declared_by_user_id AS "declaredByUserId", created_at AS "createdAt"`,
        [actor.schoolId, dto.startsAt, dto.endsAt, dto.reason, actor.userId],
      )) as OutageResponse[];
      return rows[0];
    });
  }

  async list(actor: Actor, q: OutageListQuery): Promise<OutageListResponse> {
    if (q.to < q.from) throw fieldProblem('date-range-invalid', 'to', 'must not be before from');
    const items = (await this.db.query(
      `${OUTAGE_SELECT} o WHERE o.school_id = $1
         AND (o.ends_at AT TIME ZONE (SELECT time_zone FROM school WHERE id = $1))::date >= $2::date
         AND (o.starts_at AT TIME ZONE (SELECT time_zone FROM school WHERE id = $1))::date <= $3::date
       ORDER BY o.starts_at, o.id`,
      [actor.schoolId, q.from, q.to],
    )) as OutageResponse[];
    return { items };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const [, count] = (await m.query('DELETE FROM journal_outage WHERE id = $1 AND school_id = $2', [id, actor.schoolId])) as [unknown[], number];
      if (count === 0) throw notFound('Outage window');
    });
  }
}
