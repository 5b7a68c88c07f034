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
exports.SchoolSettings = void 0;
const swagger_1 = require("@nestjs/swagger");
const typeorm_1 = require("typeorm");
const base_entity_1 = require("../../../database/base.entity");
const school_entity_1 = require("./school.entity");
/** Настройки школы: rules that the regulation leaves to the school (R-FC-5). One row per school. */
let SchoolSettings = class SchoolSettings {
};
exports.SchoolSettings = SchoolSettings;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'uuid' }),
    __metadata("design:type", String)
], SchoolSettings.prototype, "schoolId", void 0);
__decorate([
    (0, swagger_1.ApiHideProperty)(),
    (0, typeorm_1.OneToOne)(() => school_entity_1.School, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'school_id' }),
    __metadata("design:type", school_entity_1.School)
], SchoolSettings.prototype, "school", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 3, scale: 2, default: () => '0.5', transformer: base_entity_1.numericTransformer }),
    __metadata("design:type", Number)
], SchoolSettings.prototype, "roundingThreshold", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint', default: 3 }),
    __metadata("design:type", Number)
], SchoolSettings.prototype, "minMarksForAttestation", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], SchoolSettings.prototype, "updatedAt", void 0);
exports.SchoolSettings = SchoolSettings = __decorate([
    (0, typeorm_1.Entity)('school_settings'),
    (0, typeorm_1.Check)('ck_school_settings_threshold', '"rounding_threshold" > 0 AND "rounding_threshold" < 1'),
    (0, typeorm_1.Check)('ck_school_settings_min_marks', '"min_marks_for_attestation" BETWEEN 1 AND 20')
], SchoolSettings);
//# sourceMappingURL=school-settings.entity.js.map