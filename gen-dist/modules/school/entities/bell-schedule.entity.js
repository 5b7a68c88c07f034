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
exports.Bell = exports.BellSchedule = void 0;
const swagger_1 = require("@nestjs/swagger");
const typeorm_1 = require("typeorm");
const tenant_entity_1 = require("../../../database/tenant.entity");
/** `time` read back as 'HH:MM'. */
const hhmm = { to: (v) => v, from: (v) => (v === null ? null : v.slice(0, 5)) };
/** Расписание звонков, e.g. «1 смена». */
let BellSchedule = class BellSchedule extends tenant_entity_1.TenantEntity {
};
exports.BellSchedule = BellSchedule;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], BellSchedule.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], BellSchedule.prototype, "isDefault", void 0);
exports.BellSchedule = BellSchedule = __decorate([
    (0, typeorm_1.Entity)('bell_schedule'),
    (0, typeorm_1.Index)('uq_bell_schedule_name', ['schoolId', 'name'], { unique: true }),
    (0, typeorm_1.Index)('uq_bell_schedule_default', ['schoolId'], { unique: true, where: '"is_default"' })
], BellSchedule);
/** Звонок: lesson number → start and end time. */
let Bell = class Bell extends tenant_entity_1.TenantEntity {
};
exports.Bell = Bell;
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], Bell.prototype, "bellScheduleId", void 0);
__decorate([
    (0, swagger_1.ApiHideProperty)(),
    (0, typeorm_1.ManyToOne)(() => BellSchedule, { onDelete: 'CASCADE', nullable: false }),
    (0, typeorm_1.JoinColumn)({ name: 'bell_schedule_id' }),
    __metadata("design:type", BellSchedule)
], Bell.prototype, "bellSchedule", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], Bell.prototype, "lessonNumber", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'time', transformer: hhmm }),
    __metadata("design:type", String)
], Bell.prototype, "startsAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'time', transformer: hhmm }),
    __metadata("design:type", String)
], Bell.prototype, "endsAt", void 0);
exports.Bell = Bell = __decorate([
    (0, typeorm_1.Entity)('bell'),
    (0, typeorm_1.Index)('uq_bell_number', ['schoolId', 'bellScheduleId', 'lessonNumber'], { unique: true }),
    (0, typeorm_1.Check)('ck_bell_times', '"ends_at" > "starts_at"'),
    (0, typeorm_1.Check)('ck_bell_number', '"lesson_number" BETWEEN 0 AND 20')
], Bell);
//# sourceMappingURL=bell-schedule.entity.js.map