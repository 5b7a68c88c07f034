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
exports.SchoolController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorator_1 = require("../../common/access/access.decorator");
const role_1 = require("../../common/access/role");
const api_problems_decorator_1 = require("../../common/errors/api-problems.decorator");
const school_dto_1 = require("./dto/school.dto");
const school_service_1 = require("./school.service");
let SchoolController = class SchoolController {
    constructor(schools) {
        this.schools = schools;
    }
    get(actor, schoolId) {
        return this.schools.get(actor, schoolId);
    }
    update(actor, schoolId, dto) {
        return this.schools.update(actor, schoolId, dto);
    }
    getSettings(actor, schoolId) {
        return this.schools.getSettings(actor, schoolId);
    }
    updateSettings(actor, schoolId, dto) {
        return this.schools.updateSettings(actor, schoolId, dto);
    }
};
exports.SchoolController = SchoolController;
__decorate([
    (0, common_1.Get)(),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'getSchool', summary: 'The school: name, short name, time zone, address' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('schoolId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], SchoolController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'updateSchool', summary: 'Change the school\'s name, time zone or address' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('schoolId', common_1.ParseUUIDPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, school_dto_1.UpdateSchoolDto]),
    __metadata("design:returntype", Promise)
], SchoolController.prototype, "update", null);
__decorate([
    (0, common_1.Get)('settings'),
    (0, access_decorator_1.Access)(...role_1.STAFF_ROLES),
    (0, swagger_1.ApiOperation)({ operationId: 'getSchoolSettings', summary: 'School settings: rounding threshold and minimum marks for attestation' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('schoolId', common_1.ParseUUIDPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], SchoolController.prototype, "getSettings", null);
__decorate([
    (0, common_1.Patch)('settings'),
    (0, access_decorator_1.Access)(role_1.Role.Admin),
    (0, swagger_1.ApiOperation)({ operationId: 'updateSchoolSettings', summary: 'Change the rounding threshold or the minimum number of marks' }),
    (0, api_problems_decorator_1.ApiProblems)(400, 404, 422),
    __param(0, (0, access_decorator_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('schoolId', common_1.ParseUUIDPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, school_dto_1.UpdateSchoolSettingsDto]),
    __metadata("design:returntype", Promise)
], SchoolController.prototype, "updateSettings", null);
exports.SchoolController = SchoolController = __decorate([
    (0, swagger_1.ApiTags)('school'),
    (0, common_1.Controller)('schools/:schoolId'),
    __metadata("design:paramtypes", [school_service_1.SchoolService])
], SchoolController);
//# sourceMappingURL=school.controller.js.map