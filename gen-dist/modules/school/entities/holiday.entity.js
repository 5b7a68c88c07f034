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
exports.Holiday = void 0;
const typeorm_1 = require("typeorm");
const year_scoped_entity_1 = require("./year-scoped.entity");
/** Каникулы: a range of days without lessons for a band of grades. */
let Holiday = class Holiday extends year_scoped_entity_1.YearScopedEntity {
};
exports.Holiday = Holiday;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], Holiday.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], Holiday.prototype, "startsOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], Holiday.prototype, "endsOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint', default: 1 }),
    __metadata("design:type", Number)
], Holiday.prototype, "gradeFrom", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint', default: 11 }),
    __metadata("design:type", Number)
], Holiday.prototype, "gradeTo", void 0);
exports.Holiday = Holiday = __decorate([
    (0, typeorm_1.Entity)('holiday'),
    (0, typeorm_1.Index)('ix_holiday_year', ['schoolId', 'academicYearId', 'startsOn']),
    (0, typeorm_1.Check)('ck_holiday_dates', '"ends_on" >= "starts_on"'),
    (0, typeorm_1.Check)('ck_holiday_grades', '"grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11')
], Holiday);
//# sourceMappingURL=holiday.entity.js.map