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
import { GeneratedSchool } from './generator';

export interface SeedUser {
  login: string;
  password: string;
  fullName: string;
  roles: Role[];
}

/** One user per role for school number k: login `<role>.s<k>`, named after the school's staff. */
export function schoolUsers(g: GeneratedSchool, k: number, password: string): SeedUser[] {
  return SCHOOL_ROLES.map((role, i) => ({
    login: `${role}.s${k}`,
    password,
    fullName: `${g.staff[i].surname} ${g.staff[i].name} ${g.staff[i].patronymic}`,
    roles: [role],
  }));
}

/**
 * Writes one generated school — school, settings, academic year, periods, holidays, calendar days,
 * week patterns, bells, mark types, subjects, staff (linked to the users named after them), classes of the year with
 * their class teachers — and its users, inside the caller's transaction. Returns the school id.
 */
export async function seedSchool(m: EntityManager, g: GeneratedSchool, users: SeedUser[]): Promise<string> {
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
  const accounts = new Map<number, string>();
  for (const u of users) {
    const user = await m.save(
      m.create(User, { schoolId, login: u.login, fullName: u.fullName, passwordHash: await hashPassword(u.password) }),
    );
    await m.insert(UserRole, u.roles.map((role) => ({ userId: user.id, role })));
    // a staff account is linked to the first staff record of the same name not yet linked
    if (u.roles.some((r) => STAFF_ROLES.includes(r))) {
      const i = g.staff.findIndex((p, k) => !accounts.has(k) && `${p.surname} ${p.name} ${p.patronymic}` === u.fullName);
      if (i >= 0) accounts.set(i, user.id);
    }
  }
  const staff = await m.insert(
    Staff,
    g.staff.map((p, i) => ({
      schoolId,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      positions: p.positions,
      userId: accounts.get(i) ?? null,
      archivedAt: null,
    })),
  );
  const staffIds = staff.identifiers.map((r) => r.id as string);
  await m.insert(
    SchoolClass,
    g.classes.map((c) => ({
      schoolId,
      academicYearId: year.id,
      grade: c.grade,
      letter: c.letter,
      shift: c.shift,
      capacity: c.capacity,
      classTeacherStaffId: c.classTeacherStaffIndex === null ? null : staffIds[c.classTeacherStaffIndex],
    })),
  );
  return schoolId;
}
