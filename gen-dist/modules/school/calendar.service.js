"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const problem_1 = require("../../common/errors/problem");
const school_rules_1 = require("./school-rules");
const working_calendar_1 = require("./calendar/working-calendar");
const academic_year_entity_1 = require("./entities/academic-year.entity");
const calendar_day_entity_1 = require("./entities/calendar-day.entity");
const DEFAULT_DAYS_PER_WEEK = 5;
/**
 * The working-day calendar of one grade in one academic year (рабочие дни): used by the calendar view
 * and by later rules such as mark deadlines (`calendar.addWorkingDays(lessonDate, 2)`).
 */
let CalendarService = class CalendarService {
    constructor(db) {
        this.db = db;
    }
    async forGrade(schoolId, yearId, grade) {
        const year = await this.db.getRepository(academic_year_entity_1.AcademicYear).findOneBy({ id: yearId, schoolId });
        if (!year)
            throw (0, problem_1.notFound)('Academic year');
        const [pattern] = await this.db.query('SELECT days_per_week FROM week_pattern WHERE school_id = $1 AND academic_year_id = $2 AND $3 BETWEEN grade_from AND grade_to', [schoolId, yearId, grade]);
        const holidays = await this.db.query(`SELECT name, starts_on AS "startsOn", ends_on AS "endsOn" FROM holiday
        WHERE school_id = $1 AND academic_year_id = $2 AND $3 BETWEEN grade_from AND grade_to ORDER BY starts_on`, [schoolId, yearId, grade]);
        const exceptions = await this.db.query('SELECT date, kind, reason FROM calendar_day WHERE school_id = $1 AND academic_year_id = $2 ORDER BY date', [schoolId, yearId]);
        const daysPerWeek = (pattern?.days_per_week ?? DEFAULT_DAYS_PER_WEEK);
        const calendar = new working_calendar_1.WorkingCalendar({
            yearStartsOn: year.startsOn,
            yearEndsOn: year.endsOn,
            daysPerWeek,
            holidays,
            nonWorkingDays: exceptions.filter((e) => e.kind === calendar_day_entity_1.CalendarDayKind.NonWorking).map((e) => e.date),
            workingDays: exceptions.filter((e) => e.kind === calendar_day_entity_1.CalendarDayKind.Working).map((e) => e.date),
        });
        return { year, grade, daysPerWeek, calendar, holidays, exceptions };
    }
    /** Day-by-day view with the reason for every day that is not an ordinary one. */
    async view(actor, yearId, q) {
        const g = await this.forGrade(actor.schoolId, yearId, q.grade);
        const from = q.from && q.from > g.year.startsOn ? q.from : g.year.startsOn;
        const to = q.to && q.to < g.year.endsOn ? q.to : g.year.endsOn;
        if (q.from && q.to)
            (0, school_rules_1.assertDateRange)(q.from, q.to, 'to');
        const exceptionOn = new Map(g.exceptions.map((e) => [e.date, e]));
        const days = [];
        for (let d = from; d <= to; d = (0, working_calendar_1.addDays)(d, 1)) {
            const working = g.calendar.isWorkingDay(d);
            const holiday = g.holidays.find((h) => h.startsOn <= d && d <= h.endsOn);
            const exception = exceptionOn.get(d);
            const wd = (0, working_calendar_1.weekday)(d);
            const reason = holiday?.name ?? exception?.reason ?? (wd > g.daysPerWeek ? 'Выходной день' : null);
            days.push({ date: d, weekday: wd, working, reason });
        }
        return {
            academicYearId: g.year.id,
            grade: g.grade,
            daysPerWeek: g.daysPerWeek,
            workingDays: days.filter((d) => d.working).length,
            days,
        };
    }
};
exports.CalendarService = CalendarService;
exports.CalendarService = CalendarService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], CalendarService);
//# sourceMappingURL=calendar.service.js.map