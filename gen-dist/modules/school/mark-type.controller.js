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
exports.MarkTypeController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorator_1 = require("../../common/access/access.decorator");
const role_1 = require("../../common/access/role");
const api_problems_decorator_1 = require("../../common/errors/api-problems.decorator");
const pagination_1 = require("../../common/pagination/pagination");
const mark_type_dto_1 = require("./dto/mark-type.dto");
const mark_type_entity_1 = require("./entities/mark-type.entity");
const mark_type_service_1 = require("./mark-type.service");
let MarkTypeController = class MarkTypeController {
    constructor(types) {
        this.types = types;
    }
    list(actor, query) {
        return this.types.list(actor, query);
    }
    create(actor, dto) {
        return this.types.create(actor, dto);
    }
    get(actor, id) {
        return this.types.get(actor, id);
    }
    update(actor, id, dto) {
        return this.types.update(actor, id, dto);
    }
    archive(actor, id) {
        return this.types.archive(actor, id);
    }
};
exports.MarkTypeController = MarkTypeController;
__decorate([
    (0, common_1.Get)(),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'listMarkTypes', summary: 'Mark types (виды работ) with their weights, by code' }),
    (0, pagination_1.ApiPageResponse)(mark_type_entity_1.MarkType),
    (0, api_problems_decorator_1.ApiProblems)(400, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, mark_type_dto_1.MarkTypeListQuery]),
    __metadata("design:returntype", Promise)
], MarkTypeController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'createMarkType', summary: 'Add a mark type with its weight (school admin only)' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, mark_type_dto_1.CreateMarkTypeDto]),
    __metadata("design:returntype", Promise)
], MarkTypeController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(':markTypeId'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'getMarkType', summary: 'One mark type' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('markTypeId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], MarkTypeController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':markTypeId'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'updateMarkType', summary: 'Change a mark type\'s name, category or weight (school admin only)' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('markTypeId', common_1.ParseUUIDPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, mark_type_dto_1.UpdateMarkTypeDto]),
    __metadata("design:returntype", Promise)
], MarkTypeController.prototype, "update", null);
__decorate([
    (0, common_1.Delete)(':markTypeId'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'archiveMarkType', summary: 'Archive a mark type: its marks stay, it is offered no more' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('markTypeId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], MarkTypeController.prototype, "archive", null);
exports.MarkTypeController = MarkTypeController = __decorate([
    (0, swagger_1.ApiTags)('school'),
    (0, common_1.Controller)('mark-types'),
    __metadata("design:paramtypes", [mark_type_service_1.MarkTypeService])
], MarkTypeController);
//# sourceMappingURL=mark-type.controller.js.map