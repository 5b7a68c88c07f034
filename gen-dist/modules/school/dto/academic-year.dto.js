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
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarQueryDto = exports.ReplaceWeekPatternsDto = exports.WeekPatternDto = exports.CreateCalendarDayDto = exports.UpdateHolidayDto = exports.CreateHolidayDto = exports.UpdateStudyPeriodDto = exports.CreateStudyPeriodDto = exports.UpdateAcademicYearDto = exports.CreateAcademicYearDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const validators_1 = require("../../../common/validation/validators");
const calendar_day_entity_1 = require("../entities/calendar-day.entity");
const study_period_entity_1 = require("../entities/study-period.entity");
class CreateAcademicYearDto {
}
exports.CreateAcademicYearDto = CreateAcademicYearDto;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^\d{4}\/\d{4}$/, { message: 'must look like 2026/2027' }),
    __metadata("design:type", String)
], CreateAcademicYearDto.prototype, "name", void 0);
__decorate([
    (0, validators_1.IsIsoDate)(),
    __metadata("design:type", String)
], CreateAcademicYearDto.prototype, "startsOn", void 0);
__decorate([
    (0, validators_1.IsIsoDate)({ api: { example: '2027-05-31' } }),
    __metadata("design:type", String)
], CreateAcademicYearDto.prototype, "endsOn", void 0);
/** Any of the year's fields; the dates are checked again as a whole. */
class UpdateAcademicYearDto extends (0, swagger_1.PartialType)(CreateAcademicYearDto) {
}
exports.UpdateAcademicYearDto = UpdateAcademicYearDto;
/** A band of grades, 1–11 inclusive. */
class GradeBand {
}
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(11),
    __metadata("design:type", Number)
], GradeBand.prototype, "gradeFrom", void 0);
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(11),
    __metadata("design:type", Number)
], GradeBand.prototype, "gradeTo", void 0);
class CreateStudyPeriodDto extends GradeBand {
}
exports.CreateStudyPeriodDto = CreateStudyPeriodDto;
__decorate([
    (0, class_validator_1.IsEnum)(study_period_entity_1.StudyPeriodKind),
    __metadata("design:type", String)
], CreateStudyPeriodDto.prototype, "kind", void 0);
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(6),
    __metadata("design:type", Number)
], CreateStudyPeriodDto.prototype, "number", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CreateStudyPeriodDto.prototype, "name", void 0);
__decorate([
    (0, validators_1.IsIsoDate)(),
    __metadata("design:type", String)
], CreateStudyPeriodDto.prototype, "startsOn", void 0);
__decorate([
    (0, validators_1.IsIsoDate)({ api: { example: '2026-10-24' } }),
    __metadata("design:type", String)
], CreateStudyPeriodDto.prototype, "endsOn", void 0);
class UpdateStudyPeriodDto extends (0, swagger_1.PartialType)((0, swagger_1.PickType)(CreateStudyPeriodDto, ['name', 'startsOn', 'endsOn'])) {
}
exports.UpdateStudyPeriodDto = UpdateStudyPeriodDto;
class CreateHolidayDto extends GradeBand {
}
exports.CreateHolidayDto = CreateHolidayDto;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateHolidayDto.prototype, "name", void 0);
__decorate([
    (0, validators_1.IsIsoDate)({ api: { example: '2026-10-26' } }),
    __metadata("design:type", String)
], CreateHolidayDto.prototype, "startsOn", void 0);
__decorate([
    (0, validators_1.IsIsoDate)({ api: { example: '2026-11-03' } }),
    __metadata("design:type", String)
], CreateHolidayDto.prototype, "endsOn", void 0);
class UpdateHolidayDto extends (0, swagger_1.PartialType)((0, swagger_1.PickType)(CreateHolidayDto, ['name', 'startsOn', 'endsOn'])) {
}
exports.UpdateHolidayDto = UpdateHolidayDto;
class CreateCalendarDayDto {
}
exports.CreateCalendarDayDto = CreateCalendarDayDto;
__decorate([
    (0, validators_1.IsIsoDate)({ api: { example: '2026-11-04' } }),
    __metadata("design:type", String)
], CreateCalendarDayDto.prototype, "date", void 0);
__decorate([
    (0, class_validator_1.IsEnum)(calendar_day_entity_1.CalendarDayKind),
    __metadata("design:type", String)
], CreateCalendarDayDto.prototype, "kind", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateCalendarDayDto.prototype, "reason", void 0);
class WeekPatternDto extends GradeBand {
}
exports.WeekPatternDto = WeekPatternDto;
__decorate([
    (0, class_validator_1.IsIn)([5, 6]),
    __metadata("design:type", Number)
], WeekPatternDto.prototype, "daysPerWeek", void 0);
class ReplaceWeekPatternsDto {
}
exports.ReplaceWeekPatternsDto = ReplaceWeekPatternsDto;
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(11),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => WeekPatternDto),
    __metadata("design:type", Array)
], ReplaceWeekPatternsDto.prototype, "patterns", void 0);
class CalendarQueryDto {
}
exports.CalendarQueryDto = CalendarQueryDto;
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(11),
    __metadata("design:type", Number)
], CalendarQueryDto.prototype, "grade", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, validators_1.IsIsoDate)({ api: { required: false, description: 'First day (default: start of the year)' } }),
    __metadata("design:type", String)
], CalendarQueryDto.prototype, "from", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, validators_1.IsIsoDate)({ api: { required: false, description: 'Last day (default: end of the year)' } }),
    __metadata("design:type", String)
], CalendarQueryDto.prototype, "to", void 0);
//# sourceMappingURL=academic-year.dto.js.map