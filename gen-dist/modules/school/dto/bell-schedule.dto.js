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
exports.BellScheduleResponse = exports.BellView = exports.BellScheduleDto = exports.BellDto = void 0;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const validators_1 = require("../../../common/validation/validators");
class BellDto {
}
exports.BellDto = BellDto;
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(20),
    __metadata("design:type", Number)
], BellDto.prototype, "lessonNumber", void 0);
__decorate([
    (0, validators_1.IsHourMinute)(),
    __metadata("design:type", String)
], BellDto.prototype, "startsAt", void 0);
__decorate([
    (0, validators_1.IsHourMinute)(),
    __metadata("design:type", String)
], BellDto.prototype, "endsAt", void 0);
class BellScheduleDto {
}
exports.BellScheduleDto = BellScheduleDto;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], BellScheduleDto.prototype, "name", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], BellScheduleDto.prototype, "isDefault", void 0);
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(21),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => BellDto),
    __metadata("design:type", Array)
], BellScheduleDto.prototype, "bells", void 0);
class BellView {
}
exports.BellView = BellView;
class BellScheduleResponse {
}
exports.BellScheduleResponse = BellScheduleResponse;
//# sourceMappingURL=bell-schedule.dto.js.map