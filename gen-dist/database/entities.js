"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENTITIES = void 0;
const audit_event_entity_1 = require("../modules/audit/entities/audit-event.entity");
const user_entity_1 = require("../modules/auth/entities/user.entity");
const academic_year_entity_1 = require("../modules/school/entities/academic-year.entity");
const bell_schedule_entity_1 = require("../modules/school/entities/bell-schedule.entity");
const calendar_day_entity_1 = require("../modules/school/entities/calendar-day.entity");
const holiday_entity_1 = require("../modules/school/entities/holiday.entity");
const mark_type_entity_1 = require("../modules/school/entities/mark-type.entity");
const school_settings_entity_1 = require("../modules/school/entities/school-settings.entity");
const school_entity_1 = require("../modules/school/entities/school.entity");
const study_period_entity_1 = require("../modules/school/entities/study-period.entity");
const week_pattern_entity_1 = require("../modules/school/entities/week-pattern.entity");
/**
 * Every entity, for the migration CLI and the schema drift check. The app itself registers entities
 * per module (TypeOrmModule.forFeature); a test checks that both lists agree.
 */
exports.ENTITIES = [
    school_entity_1.School, school_settings_entity_1.SchoolSettings, academic_year_entity_1.AcademicYear, study_period_entity_1.StudyPeriod, holiday_entity_1.Holiday, calendar_day_entity_1.CalendarDay, week_pattern_entity_1.WeekPattern, bell_schedule_entity_1.BellSchedule, bell_schedule_entity_1.Bell, mark_type_entity_1.MarkType,
    user_entity_1.User, user_entity_1.UserRole, audit_event_entity_1.AuditEvent,
];
//# sourceMappingURL=entities.js.map