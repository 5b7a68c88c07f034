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
exports.WeekPattern = void 0;
const typeorm_1 = require("typeorm");
const year_scoped_entity_1 = require("./year-scoped.entity");
/** Пятидневная / шестидневная учебная неделя for a band of grades. */
let WeekPattern = class WeekPattern extends year_scoped_entity_1.YearScopedEntity {
};
exports.WeekPattern = WeekPattern;
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], WeekPattern.prototype, "gradeFrom", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], WeekPattern.prototype, "gradeTo", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], WeekPattern.prototype, "daysPerWeek", void 0);
exports.WeekPattern = WeekPattern = __decorate([
    (0, typeorm_1.Entity)('week_pattern'),
    (0, typeorm_1.Index)('uq_week_pattern_band', ['schoolId', 'academicYearId', 'gradeFrom'], { unique: true }),
    (0, typeorm_1.Check)('ck_week_pattern_days', '"days_per_week" IN (5, 6)'),
    (0, typeorm_1.Check)('ck_week_pattern_grades', '"grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11')
], WeekPattern);
//# sourceMappingURL=week-pattern.entity.js.map