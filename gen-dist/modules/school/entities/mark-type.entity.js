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
exports.MarkType = exports.WRITTEN_CATEGORIES = exports.MarkCategory = void 0;
const typeorm_1 = require("typeorm");
const base_entity_1 = require("../../../database/base.entity");
const tenant_entity_1 = require("../../../database/tenant.entity");
var MarkCategory;
(function (MarkCategory) {
    MarkCategory["Oral"] = "oral";
    MarkCategory["Written"] = "written";
    MarkCategory["Control"] = "control";
    MarkCategory["Laboratory"] = "laboratory";
    MarkCategory["Practical"] = "practical";
    MarkCategory["Homework"] = "homework";
    MarkCategory["Other"] = "other";
})(MarkCategory || (exports.MarkCategory = MarkCategory = {}));
/** Categories that count as written work for deadlines and attestation (§4.4.8, §4.4.11). */
exports.WRITTEN_CATEGORIES = [
    MarkCategory.Written,
    MarkCategory.Control,
    MarkCategory.Laboratory,
    MarkCategory.Practical,
];
/** Вид работы (тип отметки) with its weight, set by the school admin only (§4.4.8). */
let MarkType = class MarkType extends tenant_entity_1.TenantEntity {
};
exports.MarkType = MarkType;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 50 }),
    __metadata("design:type", String)
], MarkType.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], MarkType.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], MarkType.prototype, "shortName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 4, scale: 2, transformer: base_entity_1.numericTransformer }),
    __metadata("design:type", Number)
], MarkType.prototype, "weight", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], MarkType.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], MarkType.prototype, "archivedAt", void 0);
exports.MarkType = MarkType = __decorate([
    (0, typeorm_1.Entity)('mark_type'),
    (0, typeorm_1.Index)('uq_mark_type_code', ['schoolId', 'code'], { unique: true }),
    (0, typeorm_1.Check)('ck_mark_type_weight', '"weight" > 0'),
    (0, typeorm_1.Check)('ck_mark_type_category', `"category" IN ('oral', 'written', 'control', 'laboratory', 'practical', 'homework', 'other')`)
], MarkType);
//# sourceMappingURL=mark-type.entity.js.map