import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound } from '../../common/errors/problem';
import { Page, PageQuery, paginate } from '../../common/pagination/pagination';
import { BellScheduleDto, BellScheduleResponse } from './dto/bell-schedule.dto';
import { Bell, BellSchedule } from './entities/bell-schedule.entity';
import { assertBellsOrdered } from './school-rules';
import { lockSchool } from './school-lock';

/** Bell schedules (расписание звонков): a schedule is written whole, with all its bells, in one transaction. */
@Injectable()
export class BellScheduleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, query: PageQuery): Promise<Page<BellScheduleResponse>> {
    const qb = this.db.getRepository(BellSchedule).createQueryBuilder('s').where('s.school_id = :school', { school: actor.schoolId });
    const page = await paginate(
      qb,
      [{ sql: 's.name', cast: 'text' }, { sql: 's.id', cast: 'uuid' }],
      query,
      (s) => [s.name, s.id],
      (s) => s,
    );
    const bells = await this.bellsOf(this.db.manager, actor.schoolId, page.items.map((s) => s.id));
    return { items: page.items.map((s) => this.view(s, bells)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, scheduleId: string): Promise<BellScheduleResponse> {
    const schedule = await this.db.getRepository(BellSchedule).findOneBy({ id: scheduleId, schoolId: actor.schoolId });
    if (!schedule) throw notFound('Bell schedule');
    return this.view(schedule, await this.bellsOf(this.db.manager, actor.schoolId, [schedule.id]));
  }

  create(actor: Actor, dto: BellScheduleDto): Promise<BellScheduleResponse> {
    assertBellsOrdered(dto.bells);
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      await this.assertNameFree(m, actor.schoolId, dto.name);
      const schedule = m.create(BellSchedule, { schoolId: actor.schoolId, name: dto.name, isDefault: false });
      return this.write(m, actor, schedule, dto);
    });
  }

  replace(actor: Actor, scheduleId: string, dto: BellScheduleDto): Promise<BellScheduleResponse> {
    assertBellsOrdered(dto.bells);
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const schedule = await m.findOneBy(BellSchedule, { id: scheduleId, schoolId: actor.schoolId });
      if (!schedule) throw notFound('Bell schedule');
      await this.assertNameFree(m, actor.schoolId, dto.name, schedule.id);
      await m.delete(Bell, { schoolId: actor.schoolId, bellScheduleId: schedule.id });
      return this.write(m, actor, schedule, dto);
    });
  }

  async delete(actor: Actor, scheduleId: string): Promise<void> {
    const result = await this.db.transaction((m) =>
      m
        .createQueryBuilder()
        .delete()
        .from(BellSchedule)
        .where('id = :id AND school_id = :school', { id: scheduleId, school: actor.schoolId })
        .execute(),
    );
    if (!result.affected) throw notFound('Bell schedule');
  }

  private async write(m: EntityManager, actor: Actor, schedule: BellSchedule, dto: BellScheduleDto): Promise<BellScheduleResponse> {
    const hasDefault = await m.existsBy(BellSchedule, { schoolId: actor.schoolId, isDefault: true });
    // the first schedule of a school is its default; making another one default moves the mark
    const makeDefault = dto.isDefault ?? (!hasDefault || schedule.isDefault);
    if (makeDefault) {
      await m.update(BellSchedule, { schoolId: actor.schoolId, isDefault: true }, { isDefault: false });
    }
    schedule.name = dto.name;
    schedule.isDefault = makeDefault;
    const saved = await m.save(schedule);
    const bells = await m.save(
      dto.bells.map((b) => m.create(Bell, { ...b, schoolId: actor.schoolId, bellScheduleId: saved.id })),
    );
    return this.view(saved, new Map([[saved.id, bells]]));
  }

  private async assertNameFree(m: EntityManager, schoolId: string, name: string, exceptId?: string): Promise<void> {
    const same = await m.findOneBy(BellSchedule, { schoolId, name });
    if (same && same.id !== exceptId) throw fieldProblem('bell-schedule-name-taken', 'name', 'is already used by another bell schedule');
  }

  private async bellsOf(m: EntityManager, schoolId: string, ids: string[]): Promise<Map<string, Bell[]>> {
    const map = new Map<string, Bell[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return map;
    const bells = await m
      .getRepository(Bell)
      .createQueryBuilder('b')
      .where('b.school_id = :school AND b.bell_schedule_id IN (:...ids)', { school: schoolId, ids })
      .orderBy('b.lesson_number', 'ASC')
      .getMany();
    for (const b of bells) map.get(b.bellScheduleId)?.push(b);
    return map;
  }

  private view(s: BellSchedule, bells: Map<string, Bell[]>): BellScheduleResponse {
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
}
