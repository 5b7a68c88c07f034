import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, notFound } from '../../common/errors/problem';
import { Page, paginate } from '../../common/pagination/pagination';
import { lockSchool } from '../school/school-lock';
import { CreateRoomDto, RoomListQuery, UpdateRoomDto } from './dto/room.dto';
import { Room, RoomKind } from './entities/room.entity';

/** Rooms (кабинеты): staff read them, the admin and the deputy keep them. Archived rooms take no new lessons. */
@Injectable()
export class RoomService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** By number in Russian order («101», «102», «Спортзал»); archived rooms only on request. */
  list(actor: Actor, query: RoomListQuery): Promise<Page<Room>> {
    const qb = this.db.getRepository(Room).createQueryBuilder('r').where('r.school_id = :school', { school: actor.schoolId });
    if (query.includeArchived !== 'true') qb.andWhere('r.archived_at IS NULL');
    if (query.kind !== undefined) qb.andWhere('r.kind = :kind', { kind: query.kind });
    return paginate(
      qb,
      [
        { sql: 'r.number COLLATE "ru-RU-x-icu"', cast: 'text' },
        { sql: 'r.id', cast: 'uuid' },
      ],
      query,
      (r) => [r.number, r.id],
      (r) => r,
    );
  }

  async get(actor: Actor, id: string, m: EntityManager = this.db.manager): Promise<Room> {
    const room = await m.findOneBy(Room, { id, schoolId: actor.schoolId });
    if (!room) throw notFound('Room');
    return room;
  }

  /** Under a lock on the school row, so that two rooms of one number cannot both pass the check. */
  create(actor: Actor, dto: CreateRoomDto): Promise<Room> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const number = dto.number.trim();
      await this.ensureFree(m, actor.schoolId, number, null);
      const saved = await m.save(
        m.create(Room, {
          schoolId: actor.schoolId,
          number,
          name: dto.name?.trim() || null,
          capacity: dto.capacity ?? null,
          kind: dto.kind ?? RoomKind.Classroom,
          archivedAt: null,
        }),
      );
      return m.findOneByOrFail(Room, { id: saved.id });
    });
  }

  update(actor: Actor, id: string, dto: UpdateRoomDto): Promise<Room> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const room = await this.get(actor, id, m);
      if (dto.number !== undefined) {
        room.number = dto.number.trim();
        await this.ensureFree(m, actor.schoolId, room.number, room.id);
      }
      if (dto.name !== undefined) room.name = dto.name?.trim() || null;
      if (dto.capacity !== undefined) room.capacity = dto.capacity;
      if (dto.kind !== undefined) room.kind = dto.kind;
      await m.save(room);
      return m.findOneByOrFail(Room, { id });
    });
  }

  archive(actor: Actor, id: string): Promise<Room> {
    return this.setArchived(actor, id, true);
  }

  restore(actor: Actor, id: string): Promise<Room> {
    return this.setArchived(actor, id, false);
  }

  private setArchived(actor: Actor, id: string, archived: boolean): Promise<Room> {
    return this.db.transaction(async (m) => {
      const room = await this.get(actor, id, m);
      if (archived === (room.archivedAt !== null)) return room;
      await m.update(Room, { id, schoolId: actor.schoolId }, { archivedAt: archived ? () => 'now()' : null });
      return m.findOneByOrFail(Room, { id });
    });
  }

  /** 409 room-exists when another room of the school has this number (any case). */
  private async ensureFree(m: EntityManager, schoolId: string, number: string, exceptId: string | null): Promise<void> {
    const rows: Array<{ number: string }> = await m.query(
      `SELECT number FROM room WHERE school_id = $1 AND lower(number) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid) LIMIT 1`,
      [schoolId, number, exceptId],
    );
    if (rows.length > 0) {
      throw conflict('room-exists', `The school already has the room «${rows[0].number}» (numbers do not depend on case)`, { field: 'number' });
    }
  }
}
