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
exports.AcademicYearService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const problem_1 = require("../../common/errors/problem");
const pagination_1 = require("../../common/pagination/pagination");
const academic_year_entity_1 = require("./entities/academic-year.entity");
const calendar_day_entity_1 = require("./entities/calendar-day.entity");
const holiday_entity_1 = require("./entities/holiday.entity");
const study_period_entity_1 = require("./entities/study-period.entity");
const week_pattern_entity_1 = require("./entities/week-pattern.entity");
const school_lock_1 = require("./school-lock");
const school_rules_1 = require("./school-rules");
const KIND_NAMES = {
    [study_period_entity_1.StudyPeriodKind.Quarter]: 'четверть',
    [study_period_entity_1.StudyPeriodKind.Trimester]: 'триместр',
    [study_period_entity_1.StudyPeriodKind.HalfYear]: 'полугодие',
};
const byStartThenId = (alias) => [
    { sql: `${alias}.starts_on`, cast: 'date' },
    { sql: `${alias}.id`, cast: 'uuid' },
];
/**
 * Academic years and what hangs on them: study periods, holidays, calendar exceptions and week patterns.
 * Every write runs in one transaction that first locks the year (or the school, for years), so the
 * overlap checks see every concurrent change; a refused write leaves nothing behind.
 */
let AcademicYearService = class AcademicYearService {
    constructor(db) {
        this.db = db;
    }
    // ---- academic years -------------------------------------------------------------------------------
    list(actor, query) {
        const qb = this.db.getRepository(academic_year_entity_1.AcademicYear).createQueryBuilder('y').where('y.school_id = :school', { school: actor.schoolId });
        return (0, pagination_1.paginate)(qb, byStartThenId('y'), query, (y) => [y.startsOn, y.id], (y) => y);
    }
    async get(actor, yearId, manager = this.db.manager, lock = false) {
        const qb = manager.getRepository(academic_year_entity_1.AcademicYear).createQueryBuilder('y').where('y.id = :id AND y.school_id = :school', {
            id: yearId,
            school: actor.schoolId,
        });
        if (lock)
            qb.setLock('pessimistic_write');
        const year = await qb.getOne();
        if (!year)
            throw (0, problem_1.notFound)('Academic year');
        return year;
    }
    create(actor, dto) {
        (0, school_rules_1.assertDateRange)(dto.startsOn, dto.endsOn);
        return this.db.transaction(async (m) => {
            await (0, school_lock_1.lockSchool)(m, actor.schoolId);
            await this.assertNoYearOverlap(m, actor.schoolId, dto.startsOn, dto.endsOn);
            return m.save(m.create(academic_year_entity_1.AcademicYear, { ...dto, schoolId: actor.schoolId }));
        });
    }
    update(actor, yearId, dto) {
        return this.db.transaction(async (m) => {
            await (0, school_lock_1.lockSchool)(m, actor.schoolId);
            const year = await this.get(actor, yearId, m, true);
            const next = { ...year, ...dto };
            (0, school_rules_1.assertDateRange)(next.startsOn, next.endsOn);
            await this.assertNoYearOverlap(m, actor.schoolId, next.startsOn, next.endsOn, year.id);
            // everything already laid into the year must stay inside it
            const [span] = await m.query(`SELECT min(d) AS first, max(d) AS last FROM (
           SELECT starts_on AS d FROM study_period WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT ends_on FROM study_period WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT starts_on FROM holiday WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT ends_on FROM holiday WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT date FROM calendar_day WHERE school_id = $1 AND academic_year_id = $2) s`, [actor.schoolId, year.id]);
            const first = span?.first ?? null;
            const last = span?.last ?? null;
            if (first && first < next.startsOn) {
                throw (0, problem_1.fieldProblem)('year-excludes-records', 'startsOn', `must not be after ${first}: periods, holidays or calendar days of the year begin then`);
            }
            if (last && last > next.endsOn) {
                throw (0, problem_1.fieldProblem)('year-excludes-records', 'endsOn', `must not be before ${last}: periods, holidays or calendar days of the year end then`);
            }
            Object.assign(year, dto);
            return m.save(year);
        });
    }
    // ---- study periods --------------------------------------------------------------------------------
    async listPeriods(actor, yearId, query) {
        await this.get(actor, yearId);
        const qb = this.db
            .getRepository(study_period_entity_1.StudyPeriod)
            .createQueryBuilder('p')
            .where('p.school_id = :school AND p.academic_year_id = :year', { school: actor.schoolId, year: yearId });
        return (0, pagination_1.paginate)(qb, byStartThenId('p'), query, (p) => [p.startsOn, p.id], (p) => p);
    }
    createPeriod(actor, yearId, dto) {
        (0, school_rules_1.assertGradeBand)(dto.gradeFrom, dto.gradeTo);
        (0, school_rules_1.assertDateRange)(dto.startsOn, dto.endsOn);
        return this.db.transaction(async (m) => {
            const year = await this.get(actor, yearId, m, true);
            const period = m.create(study_period_entity_1.StudyPeriod, {
                ...dto,
                name: dto.name ?? `${dto.number} ${KIND_NAMES[dto.kind]}`,
                schoolId: actor.schoolId,
                academicYearId: year.id,
            });
            await this.assertPeriodFits(m, year, period);
            return m.save(period);
        });
    }
    updatePeriod(actor, periodId, dto) {
        return this.db.transaction(async (m) => {
            const period = await this.findOwned(m, study_period_entity_1.StudyPeriod, actor, periodId, 'Study period');
            const year = await this.get(actor, period.academicYearId, m, true);
            Object.assign(period, dto);
            (0, school_rules_1.assertDateRange)(period.startsOn, period.endsOn);
            await this.assertPeriodFits(m, year, period);
            return m.save(period);
        });
    }
    async deletePeriod(actor, periodId) {
        await this.deleteOwned(study_period_entity_1.StudyPeriod, actor, periodId, 'Study period');
    }
    // ---- holidays -------------------------------------------------------------------------------------
    async listHolidays(actor, yearId, query) {
        await this.get(actor, yearId);
        const qb = this.db
            .getRepository(holiday_entity_1.Holiday)
            .createQueryBuilder('h')
            .where('h.school_id = :school AND h.academic_year_id = :year', { school: actor.schoolId, year: yearId });
        return (0, pagination_1.paginate)(qb, byStartThenId('h'), query, (h) => [h.startsOn, h.id], (h) => h);
    }
    createHoliday(actor, yearId, dto) {
        (0, school_rules_1.assertGradeBand)(dto.gradeFrom, dto.gradeTo);
        (0, school_rules_1.assertDateRange)(dto.startsOn, dto.endsOn);
        return this.db.transaction(async (m) => {
            const year = await this.get(actor, yearId, m, true);
            const holiday = m.create(holiday_entity_1.Holiday, { ...dto, schoolId: actor.schoolId, academicYearId: year.id });
            await this.assertHolidayFits(m, year, holiday);
            return m.save(holiday);
        });
    }
    updateHoliday(actor, holidayId, dto) {
        return this.db.transaction(async (m) => {
            const holiday = await this.findOwned(m, holiday_entity_1.Holiday, actor, holidayId, 'Holiday');
            const year = await this.get(actor, holiday.academicYearId, m, true);
            Object.assign(holiday, dto);
            (0, school_rules_1.assertDateRange)(holiday.startsOn, holiday.endsOn);
            await this.assertHolidayFits(m, year, holiday);
            return m.save(holiday);
        });
    }
    async deleteHoliday(actor, holidayId) {
        await this.deleteOwned(holiday_entity_1.Holiday, actor, holidayId, 'Holiday');
    }
    // ---- calendar exceptions --------------------------------------------------------------------------
    async listCalendarDays(actor, yearId, query) {
        await this.get(actor, yearId);
        const qb = this.db
            .getRepository(calendar_day_entity_1.CalendarDay)
            .createQueryBuilder('d')
            .where('d.school_id = :school AND d.academic_year_id = :year', { school: actor.schoolId, year: yearId });
        return (0, pagination_1.paginate)(qb, [{ sql: 'd.date', cast: 'date' }, { sql: 'd.id', cast: 'uuid' }], query, (d) => [d.date, d.id], (d) => d);
    }
    createCalendarDay(actor, yearId, dto) {
        return this.db.transaction(async (m) => {
            const year = await this.get(actor, yearId, m, true);
            (0, school_rules_1.assertInsideYear)(year, dto.date, dto.date, { start: 'date', end: 'date' });
            const taken = await m.findOneBy(calendar_day_entity_1.CalendarDay, { schoolId: actor.schoolId, date: dto.date });
            if (taken)
                throw (0, problem_1.fieldProblem)('calendar-day-exists', 'date', `is already marked as ${taken.kind} (${taken.reason})`);
            return m.save(m.create(calendar_day_entity_1.CalendarDay, { ...dto, schoolId: actor.schoolId, academicYearId: year.id }));
        });
    }
    async deleteCalendarDay(actor, dayId) {
        await this.deleteOwned(calendar_day_entity_1.CalendarDay, actor, dayId, 'Calendar day');
    }
    // ---- week patterns --------------------------------------------------------------------------------
    async listWeekPatterns(actor, yearId) {
        await this.get(actor, yearId);
        return this.db.getRepository(week_pattern_entity_1.WeekPattern).find({
            where: { schoolId: actor.schoolId, academicYearId: yearId },
            order: { gradeFrom: 'ASC' },
        });
    }
    replaceWeekPatterns(actor, yearId, dto) {
        (0, school_rules_1.assertBandsCoverAllGrades)(dto.patterns);
        return this.db.transaction(async (m) => {
            const year = await this.get(actor, yearId, m, true);
            await m.delete(week_pattern_entity_1.WeekPattern, { schoolId: actor.schoolId, academicYearId: year.id });
            const rows = dto.patterns
                .map((p) => m.create(week_pattern_entity_1.WeekPattern, { ...p, schoolId: actor.schoolId, academicYearId: year.id }))
                .sort((a, b) => a.gradeFrom - b.gradeFrom);
            return m.save(rows);
        });
    }
    // ---- helpers --------------------------------------------------------------------------------------
    async assertNoYearOverlap(m, schoolId, startsOn, endsOn, exceptId) {
        const [other] = await m.query(`SELECT name FROM academic_year
        WHERE school_id = $1 AND starts_on <= $3 AND ends_on >= $2 AND ($4::uuid IS NULL OR id <> $4::uuid) LIMIT 1`, [schoolId, startsOn, endsOn, exceptId ?? null]);
        if (other)
            throw (0, problem_1.fieldProblem)('academic-year-overlap', 'startsOn', `the dates overlap the academic year ${other.name}`);
    }
    /** Inside the year; no other period of an intersecting grade band shares a day; number unique in its band and kind. */
    async assertPeriodFits(m, year, p) {
        (0, school_rules_1.assertInsideYear)(year, p.startsOn, p.endsOn);
        const [overlap] = await m.query(`SELECT name, starts_on, ends_on, grade_from, grade_to FROM study_period
        WHERE school_id = $1 AND academic_year_id = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)
          AND grade_from <= $5 AND grade_to >= $4 AND starts_on <= $7 AND ends_on >= $6
        ORDER BY starts_on LIMIT 1`, [year.schoolId, year.id, p.id ?? null, p.gradeFrom, p.gradeTo, p.startsOn, p.endsOn]);
        if (overlap) {
            throw (0, problem_1.fieldProblem)('period-overlap', 'startsOn', `overlaps «${overlap.name}» (${overlap.starts_on} – ${overlap.ends_on}, ${(0, school_rules_1.gradeBandLabel)(overlap.grade_from, overlap.grade_to)})`);
        }
        const [same] = await m.query(`SELECT name FROM study_period WHERE school_id = $1 AND academic_year_id = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)
          AND grade_from = $4 AND grade_to = $5 AND kind = $6 AND number = $7 LIMIT 1`, [year.schoolId, year.id, p.id ?? null, p.gradeFrom, p.gradeTo, p.kind, p.number]);
        if (same)
            throw (0, problem_1.fieldProblem)('period-number-taken', 'number', `is already used by «${same.name}» in this grade band`);
    }
    /** Inside the year; no other holiday of an intersecting grade band shares a day. */
    async assertHolidayFits(m, year, h) {
        (0, school_rules_1.assertInsideYear)(year, h.startsOn, h.endsOn);
        const [overlap] = await m.query(`SELECT name, starts_on, ends_on FROM holiday
        WHERE school_id = $1 AND academic_year_id = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)
          AND grade_from <= $5 AND grade_to >= $4 AND starts_on <= $7 AND ends_on >= $6 LIMIT 1`, [year.schoolId, year.id, h.id ?? null, h.gradeFrom, h.gradeTo, h.startsOn, h.endsOn]);
        if (overlap) {
            throw (0, problem_1.fieldProblem)('holiday-overlap', 'startsOn', `overlaps «${overlap.name}» (${overlap.starts_on} – ${overlap.ends_on})`);
        }
    }
    async findOwned(m, entity, actor, id, what) {
        const row = await m
            .getRepository(entity)
            .createQueryBuilder('e')
            .where('e.id = :id AND e.school_id = :school', { id, school: actor.schoolId })
            .setLock('pessimistic_write')
            .getOne();
        if (!row)
            throw (0, problem_1.notFound)(what);
        return row;
    }
    async deleteOwned(entity, actor, id, what) {
        // a transaction, like every write: it carries the audit context
        const result = await this.db.transaction((m) => m
            .createQueryBuilder()
            .delete()
            .from(entity)
            .where('id = :id AND school_id = :school', { id, school: actor.schoolId })
            .execute());
        if (!result.affected)
            throw (0, problem_1.notFound)(what);
    }
};
exports.AcademicYearService = AcademicYearService;
exports.AcademicYearService = AcademicYearService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], AcademicYearService);
//# sourceMappingURL=academic-year.service.js.map