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
exports.AcademicYear = void 0;
const typeorm_1 = require("typeorm");
const tenant_entity_1 = require("../../../database/tenant.entity");
/** Учебный год, e.g. «2026/2027». */
let AcademicYear = class AcademicYear extends tenant_entity_1.TenantEntity {
};
exports.AcademicYear = AcademicYear;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], AcademicYear.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], AcademicYear.prototype, "startsOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], AcademicYear.prototype, "endsOn", void 0);
exports.AcademicYear = AcademicYear = __decorate([
    (0, typeorm_1.Entity)('academic_year'),
    (0, typeorm_1.Index)('uq_academic_year_start', ['schoolId', 'startsOn'], { unique: true }),
    (0, typeorm_1.Check)('ck_academic_year_dates', '"ends_on" > "starts_on"')
], AcademicYear);
//# sourceMappingURL=academic-year.entity.js.map