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
exports.BellScheduleService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const problem_1 = require("../../common/errors/problem");
const pagination_1 = require("../../common/pagination/pagination");
const bell_schedule_entity_1 = require("./entities/bell-schedule.entity");
const school_rules_1 = require("./school-rules");
const school_lock_1 = require("./school-lock");
/** Bell schedules (расписание звонков): a schedule is written whole, with all its bells, in one transaction. */
let BellScheduleService = class BellScheduleService {
    constructor(db) {
        this.db = db;
    }
    async list(actor, query) {
        const qb = this.db.getRepository(bell_schedule_entity_1.BellSchedule).createQueryBuilder('s').where('s.school_id = :school', { school: actor.schoolId });
        const page = await (0, pagination_1.paginate)(qb, [{ sql: 's.name', cast: 'text' }, { sql: 's.id', cast: 'uuid' }], query, (s) => [s.name, s.id], (s) => s);
        const bells = await this.bellsOf(this.db.manager, actor.schoolId, page.items.map((s) => s.id));
        return { items: page.items.map((s) => this.view(s, bells)), nextCursor: page.nextCursor };
    }
    async get(actor, scheduleId) {
        const schedule = await this.db.getRepository(bell_schedule_entity_1.BellSchedule).findOneBy({ id: scheduleId, schoolId: actor.schoolId });
        if (!schedule)
            throw (0, problem_1.notFound)('Bell schedule');
        return this.view(schedule, await this.bellsOf(this.db.manager, actor.schoolId, [schedule.id]));
    }
    create(actor, dto) {
        (0, school_rules_1.assertBellsOrdered)(dto.bells);
        return this.db.transaction(async (m) => {
            await (0, school_lock_1.lockSchool)(m, actor.schoolId);
            await this.assertNameFree(m, actor.schoolId, dto.name);
            const schedule = m.create(bell_schedule_entity_1.BellSchedule, { schoolId: actor.schoolId, name: dto.name, isDefault: false });
            return this.write(m, actor, schedule, dto);
        });
    }
    replace(actor, scheduleId, dto) {
        (0, school_rules_1.assertBellsOrdered)(dto.bells);
        return this.db.transaction(async (m) => {
            await (0, school_lock_1.lockSchool)(m, actor.schoolId);
            const schedule = await m.findOneBy(bell_schedule_entity_1.BellSchedule, { id: scheduleId, schoolId: actor.schoolId });
            if (!schedule)
                throw (0, problem_1.notFound)('Bell schedule');
            await this.assertNameFree(m, actor.schoolId, dto.name, schedule.id);
            await m.delete(bell_schedule_entity_1.Bell, { schoolId: actor.schoolId, bellScheduleId: schedule.id });
            return this.write(m, actor, schedule, dto);
        });
    }
    async delete(actor, scheduleId) {
        const result = await this.db.transaction((m) => m
            .createQueryBuilder()
            .delete()
            .from(bell_schedule_entity_1.BellSchedule)
            .where('id = :id AND school_id = :school', { id: scheduleId, school: actor.schoolId })
            .execute());
        if (!result.affected)
            throw (0, problem_1.notFound)('Bell schedule');
    }
    async write(m, actor, schedule, dto) {
        const hasDefault = await m.existsBy(bell_schedule_entity_1.BellSchedule, { schoolId: actor.schoolId, isDefault: true });
        // the first schedule of a school is its default; making another one default moves the mark
        const makeDefault = dto.isDefault ?? (!hasDefault || schedule.isDefault);
        if (makeDefault) {
            await m.update(bell_schedule_entity_1.BellSchedule, { schoolId: actor.schoolId, isDefault: true }, { isDefault: false });
        }
        schedule.name = dto.name;
        schedule.isDefault = makeDefault;
        const saved = await m.save(schedule);
        const bells = await m.save(dto.bells.map((b) => m.create(bell_schedule_entity_1.Bell, { ...b, schoolId: actor.schoolId, bellScheduleId: saved.id })));
        return this.view(saved, new Map([[saved.id, bells]]));
    }
    async assertNameFree(m, schoolId, name, exceptId) {
        const same = await m.findOneBy(bell_schedule_entity_1.BellSchedule, { schoolId, name });
        if (same && same.id !== exceptId)
            throw (0, problem_1.fieldProblem)('bell-schedule-name-taken', 'name', 'is already used by another bell schedule');
    }
    async bellsOf(m, schoolId, ids) {
        const map = new Map(ids.map((id) => [id, []]));
        if (ids.length === 0)
            return map;
        const bells = await m
            .getRepository(bell_schedule_entity_1.Bell)
            .createQueryBuilder('b')
            .where('b.school_id = :school AND b.bell_schedule_id IN (:...ids)', { school: schoolId, ids })
            .orderBy('b.lesson_number', 'ASC')
            .getMany();
        for (const b of bells)
            map.get(b.bellScheduleId)?.push(b);
        return map;
    }
    view(s, bells) {
        return {
            id: s.id,
            name: s.name,
            isDefault: s.isDefault,
            updatedAt: s.updatedAt,
            bells: (bells.get(s.id) ?? []).map((b) => ({
                lessonNumber: b.lessonNumber,
                startsAt: b.startsAt.slice(0, 5),
                endsAt: b.endsAt.slice(0, 5),
            })),
        };
    }
};
exports.BellScheduleService = BellScheduleService;
exports.BellScheduleService = BellScheduleService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], BellScheduleService);
//# sourceMappingURL=bell-schedule.service.js.map