"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.schoolUsers = schoolUsers;
exports.seedSchool = seedSchool;
const role_1 = require("../../common/access/role");
const request_context_1 = require("../../common/context/request-context");
const audit_context_subscriber_1 = require("../audit-context.subscriber");
const user_entity_1 = require("../../modules/auth/entities/user.entity");
const password_hasher_1 = require("../../modules/auth/password-hasher");
const academic_year_entity_1 = require("../../modules/school/entities/academic-year.entity");
const bell_schedule_entity_1 = require("../../modules/school/entities/bell-schedule.entity");
const calendar_day_entity_1 = require("../../modules/school/entities/calendar-day.entity");
const holiday_entity_1 = require("../../modules/school/entities/holiday.entity");
const mark_type_entity_1 = require("../../modules/school/entities/mark-type.entity");
const school_settings_entity_1 = require("../../modules/school/entities/school-settings.entity");
const school_entity_1 = require("../../modules/school/entities/school.entity");
const study_period_entity_1 = require("../../modules/school/entities/study-period.entity");
const week_pattern_entity_1 = require("../../modules/school/entities/week-pattern.entity");
/** One user per role for school number k: login `<role>.s<k>`, named after the school's staff. */
function schoolUsers(g, k, password) {
    return role_1.SCHOOL_ROLES.map((role, i) => ({
        login: `${role}.s${k}`,
        password,
        fullName: `${g.staff[i].surname} ${g.staff[i].name} ${g.staff[i].patronymic}`,
        roles: [role],
    }));
}
/**
 * Writes one generated school — school, settings, academic year, periods, holidays, calendar days,
 * week patterns, bells, mark types — and its users, inside the caller's transaction. Returns the school id.
 */
async function seedSchool(m, g, users) {
    await (0, audit_context_subscriber_1.setAuditContext)(m, (0, request_context_1.systemContext)('seed'));
    const school = await m.save(m.create(school_entity_1.School, { ...g.school }));
    const schoolId = school.id;
    await m.insert(school_settings_entity_1.SchoolSettings, { schoolId, roundingThreshold: 0.5, minMarksForAttestation: 3 });
    const year = await m.save(m.create(academic_year_entity_1.AcademicYear, { schoolId, ...g.academicYear }));
    const inYear = { schoolId, academicYearId: year.id };
    await m.insert(study_period_entity_1.StudyPeriod, g.studyPeriods.map((p) => ({ ...inYear, ...p, kind: p.kind })));
    await m.insert(holiday_entity_1.Holiday, g.holidays.map((h) => ({ ...inYear, ...h })));
    if (g.calendarDays.length > 0) {
        await m.insert(calendar_day_entity_1.CalendarDay, g.calendarDays.map((d) => ({ ...inYear, ...d, kind: d.kind })));
    }
    await m.insert(week_pattern_entity_1.WeekPattern, g.weekPatterns.map((w) => ({ ...inYear, ...w })));
    for (const s of g.bellSchedules) {
        const schedule = await m.save(m.create(bell_schedule_entity_1.BellSchedule, { schoolId, name: s.name, isDefault: s.isDefault }));
        await m.insert(bell_schedule_entity_1.Bell, s.bells.map((b) => ({ schoolId, bellScheduleId: schedule.id, ...b })));
    }
    await m.insert(mark_type_entity_1.MarkType, g.markTypes.map((t) => ({ schoolId, ...t, category: t.category, archivedAt: null })));
    for (const u of users) {
        const user = await m.save(m.create(user_entity_1.User, { schoolId, login: u.login, fullName: u.fullName, passwordHash: await (0, password_hasher_1.hashPassword)(u.password) }));
        await m.insert(user_entity_1.UserRole, u.roles.map((role) => ({ userId: user.id, role })));
    }
    return schoolId;
}
//# sourceMappingURL=seed-school.js.map