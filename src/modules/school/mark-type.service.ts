import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound } from '../../common/errors/problem';
import { Page, paginate } from '../../common/pagination/pagination';
import { CreateMarkTypeDto, MarkTypeListQuery, UpdateMarkTypeDto } from './dto/mark-type.dto';
import { MarkType } from './entities/mark-type.entity';
import { lockSchool } from './school-lock';

/** Mark types (виды работ) and their weights: only the school admin changes them (§4.4.8). */
@Injectable()
export class MarkTypeService {
  constructor(@InjectRepository(MarkType) private readonly types: Repository<MarkType>) {}

  list(actor: Actor, query: MarkTypeListQuery): Promise<Page<MarkType>> {
    const qb = this.types.createQueryBuilder('t').where('t.school_id = :school', { school: actor.schoolId });
    if (query.includeArchived !== 'true') qb.andWhere('t.archived_at IS NULL');
    return paginate(qb, [{ sql: 't.code', cast: 'text' }, { sql: 't.id', cast: 'uuid' }], query, (t) => [t.code, t.id], (t) => t);
  }

  async get(actor: Actor, id: string): Promise<MarkType> {
    const type = await this.types.findOneBy({ id, schoolId: actor.schoolId });
    if (!type) throw notFound('Mark type');
    return type;
  }

  /** Under a lock on the school row, so that concurrent creates of one code see each other. */
  create(actor: Actor, dto: CreateMarkTypeDto): Promise<MarkType> {
    return this.types.manager.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      if (await m.existsBy(MarkType, { schoolId: actor.schoolId, code: dto.code })) {
        throw fieldProblem('mark-type-code-taken', 'code', 'is already used by another mark type');
      }
      return m.save(m.create(MarkType, { ...dto, schoolId: actor.schoolId, archivedAt: null }));
    });
  }

  async update(actor: Actor, id: string, dto: UpdateMarkTypeDto): Promise<MarkType> {
    const type = await this.get(actor, id);
    Object.assign(type, dto);
    return this.types.save(type);
  }

  /** Archived types keep their marks but are offered no more. */
  async archive(actor: Actor, id: string): Promise<MarkType> {
    const type = await this.get(actor, id);
    type.archivedAt ??= new Date();
    return this.types.save(type);
  }
}
