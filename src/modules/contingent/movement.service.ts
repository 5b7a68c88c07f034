import { personFullName } from './person-rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, ProblemError } from '../../common/errors/problem';
import { DEFAULT_PAGE_LIMIT, keysetClause, KeysetKey, Page, pageOf } from '../../common/pagination/pagination';
import { classDisplayName } from './class-rules';
import { CreateMovementDto, EnrollmentInterval, MovementListQuery, MovementResponse, StudentMovementHistory } from './dto/movement.dto';
import { MovementKind } from './entities/enrollment.entity';
import { recordArrival, recordDeparture, recordTransfer } from './movement-core';
import { assertStudentInReach, positionalParams, studentInReach } from './reach/reach';

interface MovementRow {
  id: string;
  student_id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  kind: MovementKind;
  occurred_on: string;
  order_number: string;
  reason: string | null;
  from_class_id: string | null;
  from_grade: number | null;
  from_letter: string | null;
  to_class_id: string | null;
  to_grade: number | null;
  to_letter: string | null;
  place: string | null;
  created_at: Date;
}

const MOVEMENT_SELECT = `
  SELECT mv.id, mv.student_id, s.surname, s.name, s.patronymic, mv.kind, to_char(mv.occurred_on, 'YYYY-MM-DD') AS occurred_on,
         mv.order_number, mv.reason, mv.from_class_id, fc.grade AS from_grade, fc.letter AS from_letter,
         mv.to_class_id, tc.grade AS to_grade, tc.letter AS to_letter, mv.place, mv.created_at
    FROM movement mv JOIN student s ON s.id = mv.student_id
    LEFT JOIN school_class fc ON fc.id = mv.from_class_id
    LEFT JOIN school_class tc ON tc.id = mv.to_class_id`;

const className = (grade: number | null, letter: string | null) => (grade !== null && letter !== null ? classDisplayName(grade, letter) : null);

function toResponse(r: MovementRow): MovementResponse {
  return {
    id: r.id,
    studentId: r.student_id,
    studentName: personFullName(r),
    kind: r.kind,
    date: r.occurred_on,
    orderNumber: r.order_number,
    reason: r.reason,
    fromClassId: r.from_class_id,
    fromClassName: className(r.from_grade, r.from_letter),
    toClassId: r.to_class_id,
    toClassName: className(r.to_grade, r.to_letter),
    place: r.place,
    createdAt: r.created_at,
  };
}

/** A movement-core field problem about the target class names the body's `classId`. */
function renameClassField(e: unknown): unknown {
  if (e instanceof ProblemError && e.errors?.some((x) => x.field === 'toClassId')) {
    return new ProblemError(e.status, e.code, e.title, e.detail, e.errors.map((x) => ({ ...x, field: x.field === 'toClassId' ? 'classId' : x.field })), e.extensions);
  }
  return e;
}

/**
 * Движение обучающихся (R-CON-3): orders of arrival, departure and transfer through movement-core (history is never
 * rewritten), a student's history, and the school's книга движения.
 */
@Injectable()
export class MovementService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  create(actor: Actor, studentId: string, dto: CreateMovementDto): Promise<MovementResponse> {
    return this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, studentId);
      const order = { studentId, date: dto.date, orderNumber: dto.orderNumber.trim(), reason: dto.reason?.trim() || null };
      const place = dto.place?.trim() || null;
      let id: string;
      try {
        if (dto.kind === MovementKind.Departure) {
          if (dto.classId !== undefined) throw fieldProblem('class-not-expected', 'classId', 'must not be given for a departure');
          id = (await recordDeparture(m, actor.schoolId, { ...order, place })).id;
        } else {
          if (dto.classId === undefined) throw fieldProblem('class-required', 'classId', `is required for ${dto.kind === MovementKind.Arrival ? 'an arrival' : 'a transfer'}`);
          if (dto.kind === MovementKind.Arrival) {
            id = (await recordArrival(m, actor.schoolId, { ...order, classId: dto.classId, place })).id;
          } else {
            if (place !== null) throw fieldProblem('place-not-expected', 'place', 'must not be given for a transfer');
            id = (await recordTransfer(m, actor.schoolId, { ...order, toClassId: dto.classId })).id;
          }
        }
      } catch (e) {
        throw renameClassField(e);
      }
      return (await this.movements(m, 'mv.id = $1', [id]))[0];
    });
  }

  /** The student's movements and enrolment intervals, oldest first (reach as the card). */
  history(actor: Actor, studentId: string): Promise<StudentMovementHistory> {
    return this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, studentId);
      const movements = await this.movements(m, 'mv.student_id = $1 AND mv.school_id = $2 ORDER BY mv.occurred_on, mv.created_at, mv.id', [
        studentId,
        actor.schoolId,
      ]);
      const enrollments = (await m.query(
        `SELECT e.class_id, c.grade, c.letter, to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(e.ends_on, 'YYYY-MM-DD') AS ends_on
           FROM enrollment e JOIN school_class c ON c.id = e.class_id
          WHERE e.student_id = $1 AND e.school_id = $2 ORDER BY e.starts_on, e.id`,
        [studentId, actor.schoolId],
      )) as Array<{ class_id: string; grade: number; letter: string; starts_on: string; ends_on: string | null }>;
      return {
        studentId,
        movements,
        enrollments: enrollments.map(
          (e): EnrollmentInterval => ({ classId: e.class_id, className: classDisplayName(e.grade, e.letter), startsOn: e.starts_on, endsOn: e.ends_on }),
        ),
      };
    });
  }

  /** Книга движения: the school's movements, newest first, with filters. */
  async list(actor: Actor, query: MovementListQuery): Promise<Page<MovementResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const p = positionalParams();
    const where = [`mv.school_id = ${p.bind(actor.schoolId)}`, studentInReach(actor, 'mv.student_id', p.bind)];
    if (query.from) where.push(`mv.occurred_on >= ${p.bind(query.from)}::date`);
    if (query.to) where.push(`mv.occurred_on <= ${p.bind(query.to)}::date`);
    if (query.kind) where.push(`mv.kind = ${p.bind(query.kind)}`);
    if (query.classId) {
      const c = p.bind(query.classId);
      where.push(`(mv.from_class_id = ${c}::uuid OR mv.to_class_id = ${c}::uuid)`);
    }
    const keys: KeysetKey[] = [
      { sql: 'mv.occurred_on', cast: 'date' },
      { sql: 'mv.id', cast: 'uuid' },
    ];
    const keyset = keysetClause(keys, query.cursor, p.bind, 'desc');
    const rows = (await this.db.manager.query(
      `${MOVEMENT_SELECT} WHERE ${where.join(' AND ')} AND ${keyset.where} ORDER BY ${keyset.orderBy} LIMIT ${p.bind(limit + 1)}`,
      p.values,
    )) as MovementRow[];
    return pageOf(rows, limit, (r) => [r.occurred_on, r.id], toResponse);
  }

  private async movements(m: EntityManager, whereAndOrder: string, values: unknown[]): Promise<MovementResponse[]> {
    const rows = (await m.query(`${MOVEMENT_SELECT} WHERE ${whereAndOrder}`, values)) as MovementRow[];
    return rows.map(toResponse);
  }
}
