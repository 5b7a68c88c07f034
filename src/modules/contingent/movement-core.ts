import { EntityManager } from 'typeorm';
import { conflict, fieldProblem, notFound } from '../../common/errors/problem';
import { Enrollment, Movement, MovementKind } from './entities/enrollment.entity';

/**
 * The rules of движение обучающихся on an EntityManager inside the caller's transaction, shared by the movement
 * API and the secretary's imports. Each operation locks the student row, checks the history, then closes or opens
 * enrolment intervals and appends one `movement` row. History is never rewritten: a movement may not be dated
 * before the student's latest movement, and intervals are only closed, never moved.
 */
export interface MovementOrder {
  /** the order's date: first day in the new class, or first day out of the school */
  date: string;
  /** номер приказа */
  orderNumber: string;
  reason?: string | null;
}

export interface ArrivalInput extends MovementOrder {
  studentId: string;
  classId: string;
  /** where from: another school, a kindergarten, «впервые» */
  place?: string | null;
}

export interface DepartureInput extends MovementOrder {
  studentId: string;
  /** where to */
  place?: string | null;
}

export interface TransferInput extends MovementOrder {
  studentId: string;
  toClassId: string;
}

/** The stable codes of movement refusals, with the Russian wording the import report uses. */
export const MOVEMENT_ERRORS_RU = {
  'already-enrolled': 'обучающийся уже зачислен в класс; для смены класса нужен перевод',
  'not-enrolled': 'обучающийся не числится ни в одном классе',
  'same-class': 'обучающийся уже в этом классе',
  'date-before-history': 'дата раньше последнего движения обучающегося: история не переписывается',
  'date-outside-year': 'дата вне учебного года класса',
  'class-invalid': 'класс не найден в этой школе',
} as const;
export type MovementErrorCode = keyof typeof MOVEMENT_ERRORS_RU;

interface Open {
  id: string;
  class_id: string;
  starts_on: string;
}

async function lockStudent(m: EntityManager, schoolId: string, studentId: string): Promise<void> {
  const rows: unknown[] = await m.query('SELECT id FROM student WHERE id = $1 AND school_id = $2 FOR UPDATE', [studentId, schoolId]);
  if (rows.length === 0) throw notFound('Student');
}

async function openEnrollment(m: EntityManager, studentId: string): Promise<Open | undefined> {
  const rows = (await m.query(
    `SELECT id, class_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM enrollment WHERE student_id = $1 AND ends_on IS NULL`,
    [studentId],
  )) as Open[];
  return rows[0];
}

/** The date may not precede the latest movement or the end of the latest enrolment (nothing is rewritten). */
async function assertAfterHistory(m: EntityManager, studentId: string, date: string, strictlyAfter?: string): Promise<void> {
  const rows = (await m.query(
    `SELECT to_char(GREATEST((SELECT max(occurred_on) FROM movement WHERE student_id = $1),
                             (SELECT max(ends_on) FROM enrollment WHERE student_id = $1)), 'YYYY-MM-DD') AS last`,
    [studentId],
  )) as Array<{ last: string | null }>;
  const last = rows[0]?.last;
  if ((last && date < last) || (strictlyAfter && date <= strictlyAfter)) {
    throw conflict('date-before-history', `The date ${date} precedes the student's recorded history`, {
      latest: [last, strictlyAfter].filter((d): d is string => !!d).sort().pop(),
    });
  }
}

/** The class exists in the school and the date lies within its academic year. */
async function assertClassOnDate(m: EntityManager, schoolId: string, classId: string, date: string, field: string): Promise<void> {
  const rows = (await m.query(
    `SELECT ($3::date BETWEEN y.starts_on AND y.ends_on) AS inside
       FROM school_class c JOIN academic_year y ON y.id = c.academic_year_id
      WHERE c.id = $1 AND c.school_id = $2`,
    [classId, schoolId, date],
  )) as Array<{ inside: boolean }>;
  if (rows.length === 0) throw fieldProblem('class-invalid', field, 'must be a class of this school', 'Invalid class');
  if (!rows[0].inside) throw fieldProblem('date-outside-year', 'date', "must lie within the class's academic year", 'Date outside the year');
}

/** Closes the open interval of the enrolment and the student's open subgroup memberships (of that class) on `date`. */
async function closeEnrollment(m: EntityManager, studentId: string, open: Open, date: string): Promise<void> {
  await m.query('UPDATE enrollment SET ends_on = $2, updated_at = now() WHERE id = $1', [open.id, date]);
  await m.query(
    `UPDATE subgroup_member sm SET ends_on = $3, updated_at = now()
       FROM subgroup g
      WHERE g.id = sm.subgroup_id AND g.class_id = $2 AND sm.student_id = $1 AND sm.ends_on IS NULL AND sm.starts_on < $3`,
    [studentId, open.class_id, date],
  );
  // memberships that would only have begun on or after the date never took effect
  await m.query(
    `DELETE FROM subgroup_member sm USING subgroup g
      WHERE g.id = sm.subgroup_id AND g.class_id = $2 AND sm.student_id = $1 AND sm.ends_on IS NULL AND sm.starts_on >= $3`,
    [studentId, open.class_id, date],
  );
}

async function append(m: EntityManager, schoolId: string, row: Omit<Movement, 'id' | 'createdAt' | 'updatedAt' | 'schoolId'>): Promise<Movement> {
  return m.save(m.create(Movement, { schoolId, ...row }));
}

/** Прибытие: the student (not in any class) is enrolled in a class from the date. */
export async function recordArrival(m: EntityManager, schoolId: string, a: ArrivalInput): Promise<Movement> {
  await lockStudent(m, schoolId, a.studentId);
  await assertClassOnDate(m, schoolId, a.classId, a.date, 'classId');
  if (await openEnrollment(m, a.studentId)) {
    throw conflict('already-enrolled', 'The student is already in a class; use a transfer');
  }
  await assertAfterHistory(m, a.studentId, a.date);
  await m.insert(Enrollment, { schoolId, studentId: a.studentId, classId: a.classId, startsOn: a.date, endsOn: null });
  return append(m, schoolId, {
    studentId: a.studentId,
    kind: MovementKind.Arrival,
    occurredOn: a.date,
    orderNumber: a.orderNumber,
    reason: a.reason ?? null,
    fromClassId: null,
    toClassId: a.classId,
    place: a.place ?? null,
  });
}

/**
 * Прибытие of many students whose cards were created in this same transaction (an import): they have no history, so
 * the rules of `recordArrival` reduce to "the class is of this school and the date within its year", checked once
 * per class; enrolments and movements are then written with one statement each. A student that does have history
 * (or is not of this school) is refused: such a student goes through `recordArrival`.
 */
export async function recordArrivalsOfNewStudents(
  m: EntityManager,
  schoolId: string,
  arrivals: ReadonlyArray<{ studentId: string; classId: string }>,
  order: MovementOrder & { place?: string | null },
): Promise<void> {
  if (arrivals.length === 0) return;
  for (const classId of new Set(arrivals.map((a) => a.classId))) await assertClassOnDate(m, schoolId, classId, order.date, 'classId');
  const students = arrivals.map((a) => a.studentId);
  const classes = arrivals.map((a) => a.classId);
  const [check] = (await m.query(
    `SELECT (SELECT count(*) FROM student WHERE id = ANY($1::uuid[]) AND school_id = $2)::int AS mine,
            EXISTS (SELECT 1 FROM enrollment WHERE student_id = ANY($1::uuid[]))
              OR EXISTS (SELECT 1 FROM movement WHERE student_id = ANY($1::uuid[])) AS history`,
    [students, schoolId],
  )) as Array<{ mine: number; history: boolean }>;
  if (check.mine !== new Set(students).size) throw notFound('Student');
  if (check.history) throw conflict('already-enrolled', 'A student of the batch already has a history; use recordArrival');
  await m.query(
    `INSERT INTO enrollment (school_id, student_id, class_id, starts_on)
     SELECT $1, u.s, u.c, $4 FROM unnest($2::uuid[], $3::uuid[]) AS u(s, c)`,
    [schoolId, students, classes, order.date],
  );
  await m.query(
    `INSERT INTO movement (school_id, student_id, kind, occurred_on, order_number, reason, to_class_id, place)
     SELECT $1, u.s, 'arrival', $4, $5, $6, u.c, $7 FROM unnest($2::uuid[], $3::uuid[]) AS u(s, c)`,
    [schoolId, students, classes, order.date, order.orderNumber, order.reason ?? null, order.place ?? null],
  );
}

/** Выбытие: the student leaves the school from the date; everything recorded about them stays. */
export async function recordDeparture(m: EntityManager, schoolId: string, d: DepartureInput): Promise<Movement> {
  await lockStudent(m, schoolId, d.studentId);
  const open = await openEnrollment(m, d.studentId);
  if (!open) throw conflict('not-enrolled', 'The student is not in any class');
  await assertAfterHistory(m, d.studentId, d.date, open.starts_on);
  await closeEnrollment(m, d.studentId, open, d.date);
  return append(m, schoolId, {
    studentId: d.studentId,
    kind: MovementKind.Departure,
    occurredOn: d.date,
    orderNumber: d.orderNumber,
    reason: d.reason ?? null,
    fromClassId: open.class_id,
    toClassId: null,
    place: d.place ?? null,
  });
}

/** Перевод: from the current class to another (the same year, or the next year's class at the year's start). */
export async function recordTransfer(m: EntityManager, schoolId: string, t: TransferInput): Promise<Movement> {
  await lockStudent(m, schoolId, t.studentId);
  await assertClassOnDate(m, schoolId, t.toClassId, t.date, 'toClassId');
  const open = await openEnrollment(m, t.studentId);
  if (!open) throw conflict('not-enrolled', 'The student is not in any class');
  if (open.class_id === t.toClassId) throw conflict('same-class', 'The student is already in this class');
  await assertAfterHistory(m, t.studentId, t.date, open.starts_on);
  await closeEnrollment(m, t.studentId, open, t.date);
  await m.insert(Enrollment, { schoolId, studentId: t.studentId, classId: t.toClassId, startsOn: t.date, endsOn: null });
  return append(m, schoolId, {
    studentId: t.studentId,
    kind: MovementKind.Transfer,
    occurredOn: t.date,
    orderNumber: t.orderNumber,
    reason: t.reason ?? null,
    fromClassId: open.class_id,
    toClassId: t.toClassId,
    place: null,
  });
}
