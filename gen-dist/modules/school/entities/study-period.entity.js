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
exports.StudyPeriod = exports.StudyPeriodKind = void 0;
const typeorm_1 = require("typeorm");
const year_scoped_entity_1 = require("./year-scoped.entity");
var StudyPeriodKind;
(function (StudyPeriodKind) {
    /** четверть */
    StudyPeriodKind["Quarter"] = "quarter";
    /** триместр */
    StudyPeriodKind["Trimester"] = "trimester";
    /** полугодие */
    StudyPeriodKind["HalfYear"] = "half_year";
})(StudyPeriodKind || (exports.StudyPeriodKind = StudyPeriodKind = {}));
/** Учебный период (четверть / триместр / полугодие) for a band of grades. */
let StudyPeriod = class StudyPeriod extends year_scoped_entity_1.YearScopedEntity {
};
exports.StudyPeriod = StudyPeriod;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], StudyPeriod.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], StudyPeriod.prototype, "number", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], StudyPeriod.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], StudyPeriod.prototype, "gradeFrom", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], StudyPeriod.prototype, "gradeTo", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], StudyPeriod.prototype, "startsOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], StudyPeriod.prototype, "endsOn", void 0);
exports.StudyPeriod = StudyPeriod = __decorate([
    (0, typeorm_1.Entity)('study_period'),
    (0, typeorm_1.Index)('ix_study_period_year', ['schoolId', 'academicYearId', 'startsOn']),
    (0, typeorm_1.Index)('uq_study_period_number', ['schoolId', 'academicYearId', 'gradeFrom', 'gradeTo', 'kind', 'number'], { unique: true }),
    (0, typeorm_1.Check)('ck_study_period_dates', '"ends_on" >= "starts_on"'),
    (0, typeorm_1.Check)('ck_study_period_grades', '"grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11'),
    (0, typeorm_1.Check)('ck_study_period_kind', `"kind" IN ('quarter', 'trimester', 'half_year')`)
], StudyPeriod);
//# sourceMappingURL=study-period.entity.js.map