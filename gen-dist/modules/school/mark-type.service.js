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
exports.MarkTypeService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const problem_1 = require("../../common/errors/problem");
const pagination_1 = require("../../common/pagination/pagination");
const mark_type_entity_1 = require("./entities/mark-type.entity");
const school_lock_1 = require("./school-lock");
/** Mark types (виды работ) and their weights: only the school admin changes them (§4.4.8). */
let MarkTypeService = class MarkTypeService {
    constructor(types) {
        this.types = types;
    }
    list(actor, query) {
        const qb = this.types.createQueryBuilder('t').where('t.school_id = :school', { school: actor.schoolId });
        if (query.includeArchived !== 'true')
            qb.andWhere('t.archived_at IS NULL');
        return (0, pagination_1.paginate)(qb, [{ sql: 't.code', cast: 'text' }, { sql: 't.id', cast: 'uuid' }], query, (t) => [t.code, t.id], (t) => t);
    }
    async get(actor, id) {
        const type = await this.types.findOneBy({ id, schoolId: actor.schoolId });
        if (!type)
            throw (0, problem_1.notFound)('Mark type');
        return type;
    }
    /** Under a lock on the school row, so that concurrent creates of one code see each other. */
    create(actor, dto) {
        return this.types.manager.transaction(async (m) => {
            await (0, school_lock_1.lockSchool)(m, actor.schoolId);
            if (await m.existsBy(mark_type_entity_1.MarkType, { schoolId: actor.schoolId, code: dto.code })) {
                throw (0, problem_1.fieldProblem)('mark-type-code-taken', 'code', 'is already used by another mark type');
            }
            return m.save(m.create(mark_type_entity_1.MarkType, { ...dto, schoolId: actor.schoolId, archivedAt: null }));
        });
    }
    async update(actor, id, dto) {
        const type = await this.get(actor, id);
        Object.assign(type, dto);
        return this.types.save(type);
    }
    /** Archived types keep their marks but are offered no more. */
    async archive(actor, id) {
        const type = await this.get(actor, id);
        type.archivedAt ??= new Date();
        return this.types.save(type);
    }
};
exports.MarkTypeService = MarkTypeService;
exports.MarkTypeService = MarkTypeService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(mark_type_entity_1.MarkType)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], MarkTypeService);
//# sourceMappingURL=mark-type.service.js.map