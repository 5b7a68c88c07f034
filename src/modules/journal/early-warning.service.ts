import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { STAFF_ROLES } from '../../common/access/role';
import { fieldProblem, notFound } from '../../common/errors/problem';
import { missedLessons } from '../attendance/attendance-sql';
import { assertClassInReach, classInReach, positionalParams } from '../contingent/reach/reach';
import { NotificationService } from '../messaging/notification.service';
import { EarlyWarningItem, EarlyWarningNotifyDto, EarlyWarningNotifyResponse, EarlyWarningQuery, EarlyWarningResponse, LowAverage, MissedShare } from './dto/early-warning.dto';
import { subjectAverages } from './journal-sql';

/** Below this weighted average a student is flagged in a subject (R-JRN-8). */
export const LOW_AVERAGE = 3;

/** Whether missed / lessons exceeds the school's share (no due lessons: never). */
export function exceedsShare(missed: number, lessons: number, share: number): boolean {
  return lessons > 0 && missed / lessons > share;
}

/** A number the Russian way: 2.67 → «2,67». */
export function ru(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** The notification about a flagged student, in Russian, naming the student, the subjects and the figures. */
export function warningText(item: EarlyWarningItem, periodName: string, absenceShare: number): { title: string; body: string } {
  const parts: string[] = [];
  if (item.lowAverages.length > 0) {
    parts.push(`средний балл ниже 3 — ${item.lowAverages.map((a) => `${a.subject}: ${ru(a.average)}`).join('; ')}`);
  }
  if (item.absence !== null) {
    parts.push(
      `пропущено ${item.absence.missed} из ${item.absence.lessons} уроков (${Math.round(item.absence.share * 100)} %) ` +
        `при допустимой доле ${Math.round(absenceShare * 100)} %`,
    );
  }
  return {
    title: `Раннее предупреждение: ${item.fullName}, ${item.className}`.slice(0, 200),
    body: `${item.fullName} (${item.className}), ${periodName}: ${parts.join('; ')}.`,
  };
}

/** The notification kind of an early warning. */
export const EARLY_WARNING_KIND = 'early-warning';

/**
 * The early warning (R-JRN-8, §4.4.10): the students of a period whose weighted average in a subject is below 3
 * (subjectAverages, the journal page's definition) or whose share of missed lessons (missedLessons) exceeds the
 * school's `warning_absence_share`; for a teacher the classes they teach or lead, for the deputy, the director and the
 * admin the whole school. One call notifies the class teacher and the guardians (with accounts) of the flagged students.
 */
@Injectable()
export class EarlyWarningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  list(actor: Actor, q: EarlyWarningQuery): Promise<EarlyWarningResponse> {
    return this.compute(this.db.manager, actor, q.periodId, q.classId);
  }

  notify(actor: Actor, dto: EarlyWarningNotifyDto): Promise<EarlyWarningNotifyResponse> {
    return this.db.transaction(async (m) => {
      const warnings = await this.compute(m, actor, dto.periodId, dto.classId);
      const wanted = dto.studentIds === undefined ? null : new Set(dto.studentIds);
      const items = warnings.items.filter((i) => wanted === null || wanted.has(i.studentId));
      if (items.length === 0) return { students: 0, notifications: 0, notified: 0 };
      const teachers = (await m.query(
        `SELECT c.id AS "classId", st.user_id AS "userId" FROM school_class c JOIN staff st ON st.id = c.class_teacher_staff_id
          WHERE c.id = ANY($1::uuid[]) AND st.user_id IS NOT NULL`,
        [[...new Set(items.map((i) => i.classId))]],
      )) as Array<{ classId: string; userId: string }>;
      const guardians = (await m.query(
        `SELECT sg.student_id AS "studentId", g.user_id AS "userId" FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
          WHERE sg.student_id = ANY($1::uuid[]) AND g.school_id = $2 AND g.user_id IS NOT NULL`,
        [[...new Set(items.map((i) => i.studentId))], actor.schoolId],
      )) as Array<{ studentId: string; userId: string }>;
      let notifications = 0;
      const users = new Set<string>();
      for (const item of items) {
        const recipients = [
          ...teachers.filter((x) => x.classId === item.classId).map((x) => x.userId),
          ...guardians.filter((x) => x.studentId === item.studentId).map((x) => x.userId),
        ];
        const text = warningText(item, warnings.periodName, warnings.absenceShare);
        notifications += await this.notifications.record(m, actor.schoolId, recipients, {
          kind: EARLY_WARNING_KIND,
          ...text,
          payload: {
            studentId: item.studentId,
            classId: item.classId,
            periodId: warnings.periodId,
            lowAverages: item.lowAverages,
            absence: item.absence,
          },
        });
        recipients.forEach((u) => users.add(u));
      }
      return { students: items.length, notifications, notified: users.size };
    });
  }

  private async compute(m: EntityManager, actor: Actor, periodId: string, classId: string | undefined): Promise<EarlyWarningResponse> {
    const periods = (await m.query(
      `SELECT p.name, p.academic_year_id AS "yearId", p.grade_from AS "gradeFrom", p.grade_to AS "gradeTo",
              to_char(p.starts_on, 'YYYY-MM-DD') AS "from", to_char(p.ends_on, 'YYYY-MM-DD') AS "to",
              coalesce((SELECT ss.warning_absence_share::float FROM school_settings ss WHERE ss.school_id = p.school_id), 0.3) AS share
         FROM study_period p WHERE p.id = $1 AND p.school_id = $2`,
      [periodId, actor.schoolId],
    )) as Array<{ name: string; yearId: string; gradeFrom: number; gradeTo: number; from: string; to: string; share: number }>;
    if (periods.length === 0) throw notFound('Study period');
    const period = periods[0];
    const staff: Actor = { ...actor, roles: actor.roles.filter((r) => STAFF_ROLES.includes(r)) };
    if (classId !== undefined) await assertClassInReach(m, staff, classId);
    const p = positionalParams([actor.schoolId, period.yearId, period.gradeFrom, period.gradeTo]);
    const classes = (await m.query(
      `SELECT c.id, c.grade::text || c.letter AS name FROM school_class c
        WHERE c.school_id = $1 AND c.academic_year_id = $2 AND c.grade BETWEEN $3 AND $4
          ${classId === undefined ? '' : `AND c.id = ${p.bind(classId)}`} AND ${classInReach(staff, 'c.id', p.bind)}
        ORDER BY c.grade, c.letter COLLATE "ru-RU-x-icu"`,
      p.values,
    )) as Array<{ id: string; name: string }>;
    if (classId !== undefined && classes.length === 0) {
      throw fieldProblem('period-not-for-class', 'periodId', "the study period is not one of the class's year and grade");
    }
    const base = { periodId, periodName: period.name, from: period.from, to: period.to, absenceShare: period.share };
    if (classes.length === 0) return { ...base, items: [] };

    const low = new Map<string, LowAverage[]>(); // class|student → subjects
    const pairs = (await m.query(
      `SELECT DISTINCT a.class_id AS "classId", a.subject_id AS "subjectId", sj.name AS subject
         FROM mark mk JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id JOIN subject sj ON sj.id = a.subject_id
        WHERE mk.school_id = $1 AND a.class_id = ANY($2::uuid[]) AND mk.date BETWEEN $3::date AND $4::date AND mk.annulled_at IS NULL`,
      [actor.schoolId, classes.map((c) => c.id), period.from, period.to],
    )) as Array<{ classId: string; subjectId: string; subject: string }>;
    pairs.sort((x, y) => x.subject.localeCompare(y.subject, 'ru'));
    for (const pair of pairs) {
      const { students } = await subjectAverages(m, actor.schoolId, pair.classId, pair.subjectId, period.from, period.to);
      for (const s of students.filter((x) => x.average < LOW_AVERAGE)) {
        const key = `${pair.classId}|${s.studentId}`;
        low.set(key, [...(low.get(key) ?? []), { subjectId: pair.subjectId, subject: pair.subject, average: s.average, marks: s.marks }]);
      }
    }
    const absent = new Map<string, MissedShare>();
    for (const c of classes) {
      for (const s of await missedLessons(m, actor.schoolId, { classId: c.id }, period.from, period.to)) {
        if (exceedsShare(s.missed, s.lessons, period.share)) {
          absent.set(`${c.id}|${s.studentId}`, { lessons: s.lessons, missed: s.missed, share: Math.round((s.missed / s.lessons) * 100) / 100 });
        }
      }
    }
    const keys = [...new Set([...low.keys(), ...absent.keys()])];
    if (keys.length === 0) return { ...base, items: [] };
    const names = (await m.query(
      `SELECT s.id, concat_ws(' ', s.surname, s.name, s.patronymic) AS "fullName" FROM student s
        WHERE s.id = ANY($1::uuid[]) ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.patronymic COLLATE "ru-RU-x-icu" NULLS FIRST, s.id`,
      [[...new Set(keys.map((k) => k.split('|')[1]))]],
    )) as Array<{ id: string; fullName: string }>;
    const items: EarlyWarningItem[] = [];
    for (const c of classes) {
      for (const s of names) {
        const key = `${c.id}|${s.id}`;
        if (!low.has(key) && !absent.has(key)) continue;
        items.push({ studentId: s.id, fullName: s.fullName, classId: c.id, className: c.name, lowAverages: low.get(key) ?? [], absence: absent.get(key) ?? null });
      }
    }
    return { ...base, items };
  }
}
