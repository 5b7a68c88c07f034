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
exports.MarkTypeListQuery = exports.UpdateMarkTypeDto = exports.CreateMarkTypeDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const pagination_1 = require("../../../common/pagination/pagination");
const mark_type_entity_1 = require("../entities/mark-type.entity");
class CreateMarkTypeDto {
}
exports.CreateMarkTypeDto = CreateMarkTypeDto;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^[a-z][a-z0-9_]{1,49}$/, { message: 'must be 2–50 lowercase latin letters, digits or _' }),
    __metadata("design:type", String)
], CreateMarkTypeDto.prototype, "code", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateMarkTypeDto.prototype, "name", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(20),
    __metadata("design:type", String)
], CreateMarkTypeDto.prototype, "shortName", void 0);
__decorate([
    (0, class_validator_1.IsNumber)({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number with at most 2 decimals' }),
    (0, class_validator_1.Min)(0.01, { message: 'must be greater than 0' }),
    (0, class_validator_1.Max)(10),
    __metadata("design:type", Number)
], CreateMarkTypeDto.prototype, "weight", void 0);
__decorate([
    (0, class_validator_1.IsEnum)(mark_type_entity_1.MarkCategory),
    __metadata("design:type", String)
], CreateMarkTypeDto.prototype, "category", void 0);
/** Everything but the code, which integrations rely on. */
class UpdateMarkTypeDto extends (0, swagger_1.PartialType)((0, swagger_1.OmitType)(CreateMarkTypeDto, ['code'])) {
}
exports.UpdateMarkTypeDto = UpdateMarkTypeDto;
class MarkTypeListQuery extends pagination_1.PageQuery {
}
exports.MarkTypeListQuery = MarkTypeListQuery;
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^(true|false)$/, { message: 'must be true or false' }),
    __metadata("design:type", String)
], MarkTypeListQuery.prototype, "includeArchived", void 0);
//# sourceMappingURL=mark-type.dto.js.map