import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, fieldProblem, notFound } from '../../common/errors/problem';
import { likePattern, Page, paginate } from '../../common/pagination/pagination';
import { AuditService } from '../audit/audit.service';
import { lockSchool } from '../school/school-lock';
import { CreateStaffDto, StaffListQuery, UpdateStaffDto } from './dto/staff.dto';
import { Staff } from './staff.entity';
import { normalizeNamePart, normalizeOptionalNamePart, normalizePositions } from './staff-rules';

/**
 * Staff records of a school (R-CON: сотрудники): list in Russian alphabetical order, card, create, edit,
 * link or unlink the person's account. Every query is scoped to the actor's school; another school's record → 404.
 * Writes run in a transaction under the school lock (the audit trigger records them; account links stay unique).
 */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor, query: StaffListQuery): Promise<Page<Staff>> {
    const qb = this.db.getRepository(Staff).createQueryBuilder('s').where('s.school_id = :school', { school: actor.schoolId });
    if (query.includeArchived !== 'true') qb.andWhere('s.archived_at IS NULL');
    if (query.q) {
      // a substring, taken literally; lower() under the ICU collation folds Cyrillic case as well
      const pattern = likePattern(query.q);
      qb.andWhere(
        `(lower(s.surname) LIKE lower(:q COLLATE "ru-RU-x-icu") OR lower(s.name) LIKE lower(:q COLLATE "ru-RU-x-icu")
          OR lower(s.patronymic) LIKE lower(:q COLLATE "ru-RU-x-icu")
          OR lower(s.surname || ' ' || s.name || coalesce(' ' || s.patronymic, '')) LIKE lower(:q COLLATE "ru-RU-x-icu"))`,
        { q: pattern },
      );
    }
    // ФИО in Russian alphabetical order (Ё beside Е), then id
    return paginate(
      qb,
      [
        { sql: 's.surname COLLATE "ru-RU-x-icu"', cast: 'text' },
        { sql: 's.name COLLATE "ru-RU-x-icu"', cast: 'text' },
        { sql: `coalesce(s.patronymic, '') COLLATE "ru-RU-x-icu"`, cast: 'text' },
        { sql: 's.id', cast: 'uuid' },
      ],
      query,
      (s) => [s.surname, s.name, s.patronymic ?? '', s.id],
      (s) => s,
    );
  }

  /** One staff card; reading it is a personal-data read and is recorded in the audit trail. */
  async get(actor: Actor, id: string): Promise<Staff> {
    const staff = await this.find(this.db.manager, actor.schoolId, id);
    await this.audit.personalDataRead({
      entity: 'staff',
      entityId: staff.id,
      subjectPersonId: staff.id,
      fields: ['surname', 'name', 'patronymic', 'positions', 'userId'],
    });
    return staff;
  }

  create(actor: Actor, dto: CreateStaffDto): Promise<Staff> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const userId = dto.userId ?? null;
      if (userId) await this.assertLinkable(m, actor.schoolId, userId, null);
      return m.save(
        m.create(Staff, {
          schoolId: actor.schoolId,
          surname: normalizeNamePart(dto.surname),
          name: normalizeNamePart(dto.name),
          patronymic: normalizeOptionalNamePart(dto.patronymic) ?? null,
          positions: normalizePositions(dto.positions ?? []),
          userId,
          archivedAt: null,
        }),
      );
    });
  }

  update(actor: Actor, id: string, dto: UpdateStaffDto): Promise<Staff> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const staff = await this.find(m, actor.schoolId, id);
      if (dto.surname !== undefined) staff.surname = normalizeNamePart(dto.surname);
      if (dto.name !== undefined) staff.name = normalizeNamePart(dto.name);
      if (dto.patronymic !== undefined) staff.patronymic = normalizeOptionalNamePart(dto.patronymic) ?? null;
      if (dto.positions !== undefined) staff.positions = normalizePositions(dto.positions);
      if (dto.userId !== undefined && dto.userId !== staff.userId) {
        if (dto.userId !== null) await this.assertLinkable(m, actor.schoolId, dto.userId, staff.id);
        staff.userId = dto.userId;
      }
      if (dto.archived === true) staff.archivedAt ??= new Date();
      if (dto.archived === false) staff.archivedAt = null;
      return m.save(staff);
    });
  }

  private async find(m: EntityManager, schoolId: string, id: string): Promise<Staff> {
    const staff = await m.findOneBy(Staff, { id, schoolId });
    if (!staff) throw notFound('Staff record');
    return staff;
  }

  /** The account must belong to this school and not be linked to another staff record. */
  private async assertLinkable(m: EntityManager, schoolId: string, userId: string, staffId: string | null): Promise<void> {
    const rows: Array<{ id: string }> = await m.query('SELECT id FROM app_user WHERE id = $1 AND school_id = $2', [userId, schoolId]);
    if (rows.length === 0) {
      throw fieldProblem('user-not-in-school', 'userId', 'is not an account of this school', 'Account not in this school');
    }
    const linked: Array<{ id: string }> = await m.query('SELECT id FROM staff WHERE school_id = $1 AND user_id = $2', [schoolId, userId]);
    if (linked.some((r) => r.id !== staffId)) {
      throw conflict('user-already-linked', 'This account is already linked to another staff record');
    }
  }
}
