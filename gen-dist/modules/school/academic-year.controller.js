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
exports.AcademicYearController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorator_1 = require("../../common/access/access.decorator");
const role_1 = require("../../common/access/role");
const api_problems_decorator_1 = require("../../common/errors/api-problems.decorator");
const pagination_1 = require("../../common/pagination/pagination");
const academic_year_service_1 = require("./academic-year.service");
const calendar_service_1 = require("./calendar.service");
const academic_year_dto_1 = require("./dto/academic-year.dto");
const calendar_response_1 = require("./dto/calendar.response");
const academic_year_entity_1 = require("./entities/academic-year.entity");
const calendar_day_entity_1 = require("./entities/calendar-day.entity");
const holiday_entity_1 = require("./entities/holiday.entity");
const study_period_entity_1 = require("./entities/study-period.entity");
const week_pattern_entity_1 = require("./entities/week-pattern.entity");
const YearId = () => (0, common_1.Param)('yearId', common_1.ParseUUIDPipe);
let AcademicYearController = class AcademicYearController {
    constructor(years, calendars) {
        this.years = years;
        this.calendars = calendars;
    }
    list(actor, query) {
        return this.years.list(actor, query);
    }
    create(actor, dto) {
        return this.years.create(actor, dto);
    }
    get(actor, yearId) {
        return this.years.get(actor, yearId);
    }
    update(actor, yearId, dto) {
        return this.years.update(actor, yearId, dto);
    }
    calendar(actor, yearId, query) {
        return this.calendars.view(actor, yearId, query);
    }
    // ---- study periods
    listPeriods(actor, yearId, query) {
        return this.years.listPeriods(actor, yearId, query);
    }
    createPeriod(actor, yearId, dto) {
        return this.years.createPeriod(actor, yearId, dto);
    }
    updatePeriod(actor, periodId, dto) {
        return this.years.updatePeriod(actor, periodId, dto);
    }
    deletePeriod(actor, periodId) {
        return this.years.deletePeriod(actor, periodId);
    }
    // ---- holidays
    listHolidays(actor, yearId, query) {
        return this.years.listHolidays(actor, yearId, query);
    }
    createHoliday(actor, yearId, dto) {
        return this.years.createHoliday(actor, yearId, dto);
    }
    updateHoliday(actor, holidayId, dto) {
        return this.years.updateHoliday(actor, holidayId, dto);
    }
    deleteHoliday(actor, holidayId) {
        return this.years.deleteHoliday(actor, holidayId);
    }
    // ---- calendar exceptions
    listCalendarDays(actor, yearId, query) {
        return this.years.listCalendarDays(actor, yearId, query);
    }
    createCalendarDay(actor, yearId, dto) {
        return this.years.createCalendarDay(actor, yearId, dto);
    }
    deleteCalendarDay(actor, dayId) {
        return this.years.deleteCalendarDay(actor, dayId);
    }
    // ---- week patterns
    listWeekPatterns(actor, yearId) {
        return this.years.listWeekPatterns(actor, yearId);
    }
    replaceWeekPatterns(actor, yearId, dto) {
        return this.years.replaceWeekPatterns(actor, yearId, dto);
    }
};
exports.AcademicYearController = AcademicYearController;
__decorate([
    (0, common_1.Get)('academic-years'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'listAcademicYears', summary: 'Academic years of the school, oldest first' }),
    (0, pagination_1.ApiPageResponse)(academic_year_entity_1.AcademicYear),
    (0, api_problems_decorator_1.ApiProblems)(400, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_1.PageQuery]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "list", null);
__decorate([
    (0, common_1.Post)('academic-years'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'createAcademicYear', summary: 'Add an academic year; it may not overlap another' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, academic_year_dto_1.CreateAcademicYearDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "create", null);
__decorate([
    (0, common_1.Get)('academic-years/:yearId'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'getAcademicYear', summary: 'One academic year' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)('academic-years/:yearId'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'updateAcademicYear', summary: 'Change an academic year; its periods, holidays and days must stay inside' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.UpdateAcademicYearDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "update", null);
__decorate([
    (0, common_1.Get)('academic-years/:yearId/calendar'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'getSchoolCalendar', summary: 'Working days of a grade, day by day, with the reason for each day off' }),
    (0, swagger_1.ApiOkResponse)({ type: calendar_response_1.SchoolCalendarResponse }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.CalendarQueryDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "calendar", null);
__decorate([
    (0, common_1.Get)('academic-years/:yearId/study-periods'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'listStudyPeriods', summary: 'Study periods (quarters, half-years) of a year, by start date' }),
    (0, pagination_1.ApiPageResponse)(study_period_entity_1.StudyPeriod),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, pagination_1.PageQuery]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "listPeriods", null);
__decorate([
    (0, common_1.Post)('academic-years/:yearId/study-periods'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'createStudyPeriod', summary: 'Add a study period: inside the year, not overlapping another of its grades' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.CreateStudyPeriodDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "createPeriod", null);
__decorate([
    (0, common_1.Patch)('study-periods/:periodId'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'updateStudyPeriod', summary: 'Change a study period\'s name or dates' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('periodId', common_1.ParseUUIDPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.UpdateStudyPeriodDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "updatePeriod", null);
__decorate([
    (0, common_1.Delete)('study-periods/:periodId'),
    (0, common_1.HttpCode)(204),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'deleteStudyPeriod', summary: 'Remove a study period that nothing refers to' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 409),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('periodId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "deletePeriod", null);
__decorate([
    (0, common_1.Get)('academic-years/:yearId/holidays'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'listHolidays', summary: 'Holidays (каникулы) of a year, by start date' }),
    (0, pagination_1.ApiPageResponse)(holiday_entity_1.Holiday),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, pagination_1.PageQuery]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "listHolidays", null);
__decorate([
    (0, common_1.Post)('academic-years/:yearId/holidays'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'createHoliday', summary: 'Add holidays for a band of grades' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.CreateHolidayDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "createHoliday", null);
__decorate([
    (0, common_1.Patch)('holidays/:holidayId'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'updateHoliday', summary: 'Change holidays\' name or dates' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('holidayId', common_1.ParseUUIDPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.UpdateHolidayDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "updateHoliday", null);
__decorate([
    (0, common_1.Delete)('holidays/:holidayId'),
    (0, common_1.HttpCode)(204),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'deleteHoliday', summary: 'Remove holidays' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('holidayId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "deleteHoliday", null);
__decorate([
    (0, common_1.Get)('academic-years/:yearId/calendar-days'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'listCalendarDays', summary: 'State holidays and moved working days of a year' }),
    (0, pagination_1.ApiPageResponse)(calendar_day_entity_1.CalendarDay),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, pagination_1.PageQuery]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "listCalendarDays", null);
__decorate([
    (0, common_1.Post)('academic-years/:yearId/calendar-days'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'createCalendarDay', summary: 'Mark a day as non-working (holiday, order) or as a moved working day' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.CreateCalendarDayDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "createCalendarDay", null);
__decorate([
    (0, common_1.Delete)('calendar-days/:dayId'),
    (0, common_1.HttpCode)(204),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'deleteCalendarDay', summary: 'Return a day to the weekly pattern' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('dayId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "deleteCalendarDay", null);
__decorate([
    (0, common_1.Get)('academic-years/:yearId/week-patterns'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'listWeekPatterns', summary: 'Five- or six-day week per band of grades' }),
    (0, swagger_1.ApiOkResponse)({ type: [week_pattern_entity_1.WeekPattern] }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "listWeekPatterns", null);
__decorate([
    (0, common_1.Put)('academic-years/:yearId/week-patterns'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'replaceWeekPatterns', summary: 'Set the week patterns of a year; bands must cover grades 1–11 once' }),
    (0, swagger_1.ApiOkResponse)({ type: [week_pattern_entity_1.WeekPattern] }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, YearId()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, academic_year_dto_1.ReplaceWeekPatternsDto]),
    __metadata("design:returntype", Promise)
], AcademicYearController.prototype, "replaceWeekPatterns", null);
exports.AcademicYearController = AcademicYearController = __decorate([
    (0, swagger_1.ApiTags)('school'),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [academic_year_service_1.AcademicYearService,
        calendar_service_1.CalendarService])
], AcademicYearController);
//# sourceMappingURL=academic-year.controller.js.map