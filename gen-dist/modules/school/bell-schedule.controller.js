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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BellScheduleController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorator_1 = require("../../common/access/access.decorator");
const role_1 = require("../../common/access/role");
const api_problems_decorator_1 = require("../../common/errors/api-problems.decorator");
const pagination_1 = require("../../common/pagination/pagination");
const bell_schedule_service_1 = require("./bell-schedule.service");
const bell_schedule_dto_1 = require("./dto/bell-schedule.dto");
let BellScheduleController = class BellScheduleController {
    constructor(schedules) {
        this.schedules = schedules;
    }
    list(actor, query) {
        return this.schedules.list(actor, query);
    }
    create(actor, dto) {
        return this.schedules.create(actor, dto);
    }
    get(actor, scheduleId) {
        return this.schedules.get(actor, scheduleId);
    }
    replace(actor, scheduleId, dto) {
        return this.schedules.replace(actor, scheduleId, dto);
    }
    delete(actor, scheduleId) {
        return this.schedules.delete(actor, scheduleId);
    }
};
exports.BellScheduleController = BellScheduleController;
__decorate([
    (0, common_1.Get)(),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'listBellSchedules', summary: 'Bell schedules with their bells, by name' }),
    (0, pagination_1.ApiPageResponse)(bell_schedule_dto_1.BellScheduleResponse),
    (0, api_problems_decorator_1.ApiProblems)(400, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_1.PageQuery]),
    __metadata("design:returntype", Promise)
], BellScheduleController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'createBellSchedule', summary: 'Add a bell schedule (e.g. for a shift); bells ordered, not overlapping' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, bell_schedule_dto_1.BellScheduleDto]),
    __metadata("design:returntype", Promise)
], BellScheduleController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(':scheduleId'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'getBellSchedule', summary: 'One bell schedule with its bells' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('scheduleId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], BellScheduleController.prototype, "get", null);
__decorate([
    (0, common_1.Put)(':scheduleId'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'replaceBellSchedule', summary: 'Replace a bell schedule with all its bells' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('scheduleId', common_1.ParseUUIDPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, bell_schedule_dto_1.BellScheduleDto]),
    __metadata("design:returntype", Promise)
], BellScheduleController.prototype, "replace", null);
__decorate([
    (0, common_1.Delete)(':scheduleId'),
    (0, common_1.HttpCode)(204),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'deleteBellSchedule', summary: 'Remove a bell schedule that nothing refers to' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 409),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('scheduleId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], BellScheduleController.prototype, "delete", null);
exports.BellScheduleController = BellScheduleController = __decorate([
    (0, swagger_1.ApiTags)('school'),
    (0, common_1.Controller)('bell-schedules'),
    __metadata("design:paramtypes", [bell_schedule_service_1.BellScheduleService])
], BellScheduleController);
//# sourceMappingURL=bell-schedule.controller.js.map