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
exports.SchoolService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const problem_1 = require("../../common/errors/problem");
const school_settings_entity_1 = require("./entities/school-settings.entity");
const school_entity_1 = require("./entities/school.entity");
/** The school record and its settings. A user reaches only their own school; any other id is 404. */
let SchoolService = class SchoolService {
    constructor(schools, settings) {
        this.schools = schools;
        this.settings = settings;
    }
    ownSchoolId(actor, schoolId) {
        if (schoolId !== actor.schoolId)
            throw (0, problem_1.notFound)('School');
        return schoolId;
    }
    async get(actor, schoolId) {
        const school = await this.schools.findOneBy({ id: this.ownSchoolId(actor, schoolId) });
        if (!school)
            throw (0, problem_1.notFound)('School');
        return school;
    }
    async update(actor, schoolId, dto) {
        const school = await this.get(actor, schoolId);
        Object.assign(school, dto);
        return this.schools.save(school);
    }
    /** Settings of a school (the row is created with the school). */
    async getSettings(actor, schoolId) {
        const settings = await this.settings.findOneBy({ schoolId: this.ownSchoolId(actor, schoolId) });
        if (!settings)
            throw (0, problem_1.notFound)('School');
        return settings;
    }
    async updateSettings(actor, schoolId, dto) {
        const settings = await this.getSettings(actor, schoolId);
        Object.assign(settings, dto);
        return this.settings.save(settings);
    }
};
exports.SchoolService = SchoolService;
exports.SchoolService = SchoolService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(school_entity_1.School)),
    __param(1, (0, typeorm_1.InjectRepository)(school_settings_entity_1.SchoolSettings)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository])
], SchoolService);
//# sourceMappingURL=school.service.js.map