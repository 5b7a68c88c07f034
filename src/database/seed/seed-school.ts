import { deriveLessons } from '../../modules/schedule/lesson-derivation';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Role, SCHOOL_ROLES, STAFF_ROLES } from '../../common/access/role';
import { systemContext } from '../../common/context/request-context';
import { setAuditContext } from '../audit-context.subscriber';
import { User, UserRole } from '../../modules/auth/entities/user.entity';
import { hashPassword } from '../../modules/auth/password-hasher';
import { SchoolClass } from '../../modules/contingent/class.entity';
import { Staff } from '../../modules/contingent/staff.entity';
import { insertDefaultSubjects } from '../../modules/contingent/default-subjects';
import { AcademicYear } from '../../modules/school/entities/academic-year.entity';
import { Bell, BellSchedule } from '../../modules/school/entities/bell-schedule.entity';
import { CalendarDay, CalendarDayKind } from '../../modules/school/entities/calendar-day.entity';
import { Holiday } from '../../modules/school/entities/holiday.entity';
import { MarkCategory, MarkType } from '../../modules/school/entities/mark-type.entity';
import { SchoolSettings } from '../../modules/school/entities/school-settings.entity';
import { School } from '../../modules/school/entities/school.entity';
import { StudyPeriod, StudyPeriodKind } from '../../modules/school/entities/study-period.entity';
import { WeekPattern } from '../../modules/school/entities/week-pattern.entity';
import { GeneratedSchool, generatePlanning } from './generator';

const GENDER = { male: 'm', female: 'f' } as const;

export interface SeedUser {
  login: string;
  password: string;
  fullName: string;
  roles: Role[];
  /** the record the account belongs to: an index into the generated staff, students or guardians */
  link?: { staff: number } | { student: number } | { guardian: number };
}

type Person = { surname: string; name: string; patronymic: string };
const fullName = (p: Person): string => `${p.surname} ${p.name} ${p.patronymic}`;

/** The record a role's account belongs to (GeneratedSchool.accounts). */
export function accountLink(g: GeneratedSchool, role: Role): { link: NonNullable<SeedUser['link']>; person: Person } {
  const a = g.accounts;
  switch (role) {
    case Role.Parent:
      return { link: { guardian: a.parent }, person: g.guardians[a.parent] as Person };
    case Role.Student:
      return { link: { student: a.student }, person: g.students[a.student] as Person };
    case Role.Admin:
    case Role.Director:
    case Role.Deputy:
    case Role.Secretary:
    case Role.Teacher:
      return { link: { staff: a[role] }, person: g.staff[a[role]] as Person };
    default:
      throw new RangeError(`no account record for role ${role}`);
  }
}

/**
 * One user per role for school number k: login `<role>.s<k>`, named after and linked to the record of
 * GeneratedSchool.accounts (staff record, the student, the guardian).
 */
export function schoolUsers(g: GeneratedSchool, k: number, password: string): SeedUser[] {
  return SCHOOL_ROLES.map((role) => {
    const { link, person } = accountLink(g, role);
    return { login: `${role}.s${k}`, password, fullName: fullName(person), roles: [role], link };
  });
}

/** Ids of what seedSchool wrote; arrays are parallel to the generator's (staffIds[i] is g.staff[i] …). */
export interface SeededSchool {
  schoolId: string;
  academicYearId: string;
  staffIds: string[];
  classIds: string[];
  studentIds: string[];
  guardianIds: string[];
  subgroupIds: string[];
  /** parallel to the generator's assignments */
  assignmentIds: string[];
  /** parallel to the generator's rooms */
  roomIds: string[];
  /** login → user id */
  userIds: Map<string, string>;
}

/** Rows per statement of the bulk inserts. */
const CHUNK = 5000;

/**
 * One multi-row INSERT … SELECT FROM unnest(…) per chunk: a handful of parameters (one array per column) however many
 * rows, so thousands of rows cost a few round trips. `columns` are [column, PostgreSQL array element type].
 */
async function bulkInsert(m: EntityManager, table: string, columns: ReadonlyArray<readonly [string, string]>, rows: unknown[][]): Promise<void> {
  for (let from = 0; from < rows.length; from += CHUNK) {
    const chunk = rows.slice(from, from + CHUNK);
    const arrays = columns.map((_, c) => chunk.map((r) => r[c] ?? null));
    const names = columns.map(([name]) => `"${name}"`).join(', ');
    const unnest = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ');
    await m.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})`, arrays);
  }
}

/**
 * Writes one generated school — school, settings, academic year, periods, holidays, calendar days, week patterns, bells,
 * mark types, subjects, staff, classes of the year with their class teachers, students enrolled in their classes from
 * the first day of the year, guardians and their links, subgroups with their members, teaching assignments, rooms and
 * the weekly timetable (valid from the first day of the year), the curriculum and thematic plans — and its
 * users (linked to their records), inside the caller's transaction (the audit context is set here: system 'seed').
 * The contingent goes in with bulk inserts, so a school of 1,100 pupils takes well under a second or two.
 */
export async function seedSchool(m: EntityManager, g: GeneratedSchool, users: SeedUser[], options: { lessons?: boolean } = {}): Promise<SeededSchool> {
  await setAuditContext(m, systemContext('seed'));
  const school = await m.save(m.create(School, { ...g.school }));
  const schoolId = school.id;
  await m.insert(SchoolSettings, { schoolId, roundingThreshold: 0.5, minMarksForAttestation: 3 });
  const year = await m.save(m.create(AcademicYear, { schoolId, ...g.academicYear }));
  const inYear = { schoolId, academicYearId: year.id };
  await m.insert(
    StudyPeriod,
    g.studyPeriods.map((p) => ({ ...inYear, ...p, kind: p.kind as StudyPeriodKind })),
  );
  await m.insert(Holiday, g.holidays.map((h) => ({ ...inYear, ...h })));
  if (g.calendarDays.length > 0) {
    await m.insert(CalendarDay, g.calendarDays.map((d) => ({ ...inYear, ...d, kind: d.kind as CalendarDayKind })));
  }
  await m.insert(WeekPattern, g.weekPatterns.map((w) => ({ ...inYear, ...w })));
  for (const s of g.bellSchedules) {
    const schedule = await m.save(m.create(BellSchedule, { schoolId, name: s.name, isDefault: s.isDefault }));
    await m.insert(Bell, s.bells.map((b) => ({ schoolId, bellScheduleId: schedule.id, ...b })));
  }
  await m.insert(
    MarkType,
    g.markTypes.map((t) => ({ schoolId, ...t, category: t.category as MarkCategory, archivedAt: null })),
  );
  await insertDefaultSubjects(m, schoolId);
  const subjectIds = new Map<string, string>(
    ((await m.query('SELECT id, code FROM subject WHERE school_id = $1', [schoolId])) as Array<{ id: string; code: string }>).map((r) => [r.code, r.id]),
  );
  const subjectId = (code: string): string => {
    const id = subjectIds.get(code);
    if (!id) throw new Error(`subject ${code} is not in the default catalogue`);
    return id;
  };

  // users: one argon2 hash per distinct password (the test schools give every account the same one)
  const hashes = new Map<string, Promise<string>>();
  const userIds = new Map<string, string>();
  const accountOf = { staff: new Map<number, string>(), student: new Map<number, string>(), guardian: new Map<number, string>() };
  for (const u of users) {
    if (!hashes.has(u.password)) hashes.set(u.password, hashPassword(u.password));
    const passwordHash = await (hashes.get(u.password) as Promise<string>);
    const user = await m.save(m.create(User, { schoolId, login: u.login, fullName: u.fullName, passwordHash }));
    await m.insert(UserRole, u.roles.map((role) => ({ userId: user.id, role })));
    userIds.set(u.login, user.id);
    const link = u.link;
    if (link && 'staff' in link) accountOf.staff.set(link.staff, user.id);
    else if (link && 'student' in link) accountOf.student.set(link.student, user.id);
    else if (link && 'guardian' in link) accountOf.guardian.set(link.guardian, user.id);
    else if (u.roles.some((r) => STAFF_ROLES.includes(r))) {
      // no explicit link: the first staff record of the same name not yet linked
      const i = g.staff.findIndex((p, k) => !accountOf.staff.has(k) && fullName(p) === u.fullName);
      if (i >= 0) accountOf.staff.set(i, user.id);
    }
  }

  const staffIds = g.staff.map(() => randomUUID());
  await m.insert(
    Staff,
    g.staff.map((p, i) => ({
      id: staffIds[i],
      schoolId,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      positions: p.positions,
      userId: accountOf.staff.get(i) ?? null,
      archivedAt: null,
    })),
  );
  const classIds = g.classes.map(() => randomUUID());
  await m.insert(
    SchoolClass,
    g.classes.map((c, i) => ({
      id: classIds[i],
      schoolId,
      academicYearId: year.id,
      grade: c.grade,
      letter: c.letter,
      shift: c.shift,
      capacity: c.capacity,
      classTeacherStaffId: c.classTeacherStaffIndex === null ? null : staffIds[c.classTeacherStaffIndex],
    })),
  );

  const studentIds = g.students.map(() => randomUUID());
  await bulkInsert(
    m,
    'student',
    [['id', 'uuid'], ['school_id', 'uuid'], ['surname', 'text'], ['name', 'text'], ['patronymic', 'text'], ['birth_date', 'date'],
      ['gender', 'text'], ['personal_file_number', 'text'], ['phone', 'text'], ['email', 'text'], ['user_id', 'uuid']],
    g.students.map((s, i) => [
      studentIds[i], schoolId, s.surname, s.name, s.patronymic, s.birthDate, GENDER[s.gender], s.personalFileNumber, s.phone, s.email,
      accountOf.student.get(i) ?? null,
    ]),
  );
  await bulkInsert(
    m,
    'enrollment',
    [['school_id', 'uuid'], ['student_id', 'uuid'], ['class_id', 'uuid'], ['starts_on', 'date']],
    g.students.map((s, i) => [schoolId, studentIds[i], classIds[s.classIndex], g.enrollmentStartsOn]),
  );
  // the книга движения starts with every enrolment: the order that formed the classes of the year
  await bulkInsert(
    m,
    'movement',
    [['school_id', 'uuid'], ['student_id', 'uuid'], ['kind', 'text'], ['occurred_on', 'date'], ['order_number', 'text'], ['reason', 'text'],
      ['to_class_id', 'uuid']],
    g.students.map((s, i) => [
      schoolId, studentIds[i], 'arrival', g.enrollmentStartsOn, '1-у', 'Комплектование классов на учебный год', classIds[s.classIndex],
    ]),
  );
  const guardianIds = g.guardians.map(() => randomUUID());
  await bulkInsert(
    m,
    'guardian',
    [['id', 'uuid'], ['school_id', 'uuid'], ['surname', 'text'], ['name', 'text'], ['patronymic', 'text'], ['phone', 'text'],
      ['email', 'text'], ['user_id', 'uuid']],
    g.guardians.map((p, i) => [guardianIds[i], schoolId, p.surname, p.name, p.patronymic, p.phone, p.email, accountOf.guardian.get(i) ?? null]),
  );
  await bulkInsert(
    m,
    'student_guardian',
    [['school_id', 'uuid'], ['student_id', 'uuid'], ['guardian_id', 'uuid'], ['relation', 'text']],
    g.studentGuardians.map((l) => [schoolId, studentIds[l.studentIndex], guardianIds[l.guardianIndex], l.relation]),
  );
  const subgroupIds = g.subgroups.map(() => randomUUID());
  await bulkInsert(
    m,
    'subgroup',
    [['id', 'uuid'], ['school_id', 'uuid'], ['class_id', 'uuid'], ['subject_id', 'uuid'], ['name', 'text']],
    g.subgroups.map((s, i) => [subgroupIds[i], schoolId, classIds[s.classIndex], subjectId(s.subject), s.name]),
  );
  await bulkInsert(
    m,
    'subgroup_member',
    [['school_id', 'uuid'], ['subgroup_id', 'uuid'], ['student_id', 'uuid'], ['starts_on', 'date']],
    g.subgroups.flatMap((s, i) => s.studentIndexes.map((st) => [schoolId, subgroupIds[i], studentIds[st], g.enrollmentStartsOn])),
  );
  const assignmentIds = g.assignments.map(() => randomUUID());
  await bulkInsert(
    m,
    'teaching_assignment',
    [['id', 'uuid'], ['school_id', 'uuid'], ['academic_year_id', 'uuid'], ['staff_id', 'uuid'], ['subject_id', 'uuid'], ['class_id', 'uuid'],
      ['subgroup_id', 'uuid'], ['hours_per_week', 'numeric']],
    g.assignments.map((a, i) => [
      assignmentIds[i], schoolId, year.id, staffIds[a.staffIndex], subjectId(a.subject), classIds[a.classIndex],
      a.subgroupIndex === null ? null : subgroupIds[a.subgroupIndex], a.hoursPerWeek,
    ]),
  );
  // the timetable (issue 5): rooms and the weekly timetable of the whole school, valid from the first day of the year
  const roomIds = g.rooms.map(() => randomUUID());
  await bulkInsert(
    m,
    'room',
    [['id', 'uuid'], ['school_id', 'uuid'], ['number', 'text'], ['name', 'text'], ['capacity', 'int'], ['kind', 'text']],
    g.rooms.map((r, i) => [roomIds[i], schoolId, r.number, r.name, r.capacity, r.kind]),
  );
  await bulkInsert(
    m,
    'timetable_entry',
    [['school_id', 'uuid'], ['academic_year_id', 'uuid'], ['weekday', 'int'], ['lesson_number', 'int'], ['teaching_assignment_id', 'uuid'],
      ['room_id', 'uuid'], ['valid_from', 'date']],
    g.timetable.map((e) => [
      schoolId, year.id, e.weekday, e.lessonNumber, assignmentIds[e.assignmentIndex], e.roomIndex === null ? null : roomIds[e.roomIndex], g.academicYear.startsOn,
    ]),
  );
  // planning (issue 5): the curriculum in hours a year and a plan for every assignment (src/database/seed/generator/planning.ts)
  const planning = generatePlanning(g);
  await bulkInsert(
    m,
    'curriculum_hours',
    [['school_id', 'uuid'], ['academic_year_id', 'uuid'], ['subject_id', 'uuid'], ['grade', 'int'], ['class_id', 'uuid'], ['hours_per_year', 'numeric']],
    planning.curriculum.map((r) => [
      schoolId, year.id, subjectId(r.subject), r.classIndex === null ? r.grade : null, r.classIndex === null ? null : classIds[r.classIndex], r.hoursPerYear,
    ]),
  );
  const planIds = planning.plans.map(() => randomUUID());
  const approvedAt = new Date(`${g.academicYear.startsOn}T00:00:00Z`);
  await bulkInsert(
    m,
    'thematic_plan',
    [['id', 'uuid'], ['school_id', 'uuid'], ['teaching_assignment_id', 'uuid'], ['status', 'text'], ['submitted_at', 'timestamptz'],
      ['approved_at', 'timestamptz']],
    planning.plans.map((p, i) => [
      planIds[i], schoolId, assignmentIds[p.assignmentIndex], p.status, p.status === 'draft' ? null : approvedAt, p.status === 'approved' ? approvedAt : null,
    ]),
  );
  await bulkInsert(
    m,
    'plan_topic',
    [['school_id', 'uuid'], ['plan_id', 'uuid'], ['position', 'int'], ['title', 'text'], ['hours', 'numeric'], ['kind', 'text']],
    planning.plans.flatMap((p, i) => p.topics.map((t, k) => [schoolId, planIds[i], k + 1, t.title, t.hours, t.kind])),
  );
  // the dated lessons of the year, from the timetable and the calendar (as every later change of either re-derives them);
  // `lessons: false` leaves them out (test suites that do not look at lessons: ~2 s a school saved)
  if (options.lessons !== false) await deriveLessons(m, { schoolId, from: g.academicYear.startsOn, to: g.academicYear.endsOn });
  return { schoolId, academicYearId: year.id, staffIds, classIds, studentIds, guardianIds, subgroupIds, assignmentIds, roomIds, userIds };
}
