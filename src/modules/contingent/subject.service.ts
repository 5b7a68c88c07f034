import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, notFound } from '../../common/errors/problem';
import { Page, paginate } from '../../common/pagination/pagination';
import { lockSchool } from '../school/school-lock';
import { CreateSubjectDto, SubjectListQuery, UpdateSubjectDto } from './dto/subject.dto';
import { Subject } from './subject.entity';

/** The school's subject catalogue (предметы): everyone in the school reads it, the admin and the deputy keep it. */
@Injectable()
export class SubjectService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Sorted by name in Russian collation; archived subjects only on request. */
  list(actor: Actor, query: SubjectListQuery): Promise<Page<Subject>> {
    const qb = this.db.getRepository(Subject).createQueryBuilder('s').where('s.school_id = :school', { school: actor.schoolId });
    if (query.includeArchived !== 'true') qb.andWhere('s.archived_at IS NULL');
    return paginate(
      qb,
      [
        { sql: 's.name COLLATE "ru-RU-x-icu"', cast: 'text' },
        { sql: 's.id', cast: 'uuid' },
      ],
      query,
      (s) => [s.name, s.id],
      (s) => s,
    );
  }

  async get(actor: Actor, id: string, m: EntityManager = this.db.manager): Promise<Subject> {
    const subject = await m.findOneBy(Subject, { id, schoolId: actor.schoolId });
    if (!subject) throw notFound('Subject');
    return subject;
  }

  /** Under a lock on the school row, so that concurrent writes of one name or code see each other. */
  create(actor: Actor, dto: CreateSubjectDto): Promise<Subject> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const name = dto.name.trim();
      await this.ensureFree(m, actor.schoolId, name, dto.code, null);
      const saved = await m.save(
        m.create(Subject, { schoolId: actor.schoolId, code: dto.code, name, shortName: dto.shortName.trim(), archivedAt: null }),
      );
      return m.findOneByOrFail(Subject, { id: saved.id });
    });
  }

  update(actor: Actor, id: string, dto: UpdateSubjectDto): Promise<Subject> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const subject = await this.get(actor, id, m);
      if (dto.name !== undefined) {
        subject.name = dto.name.trim();
        await this.ensureFree(m, actor.schoolId, subject.name, null, subject.id);
      }
      if (dto.shortName !== undefined) subject.shortName = dto.shortName.trim();
      await m.save(subject);
      return m.findOneByOrFail(Subject, { id });
    });
  }

  /** Archived subjects leave the lists but keep their id and everything recorded against them. */
  archive(actor: Actor, id: string): Promise<Subject> {
    return this.setArchived(actor, id, true);
  }

  restore(actor: Actor, id: string): Promise<Subject> {
    return this.setArchived(actor, id, false);
  }

  private setArchived(actor: Actor, id: string, archived: boolean): Promise<Subject> {
    return this.db.transaction(async (m) => {
      const subject = await this.get(actor, id, m);
      if (archived === (subject.archivedAt !== null)) return subject;
      await m.update(Subject, { id, schoolId: actor.schoolId }, { archivedAt: archived ? () => 'now()' : null });
      return m.findOneByOrFail(Subject, { id });
    });
  }

  /** 409 subject-exists when another subject of the school has this name (any case) or code. */
  private async ensureFree(m: EntityManager, schoolId: string, name: string, code: string | null, exceptId: string | null): Promise<void> {
    const rows: Array<{ code: string; name: string }> = await m.query(
      `SELECT code, name FROM subject
        WHERE school_id = $1 AND (lower(name) = lower($2) OR code = $3) AND ($4::uuid IS NULL OR id <> $4::uuid)
        LIMIT 1`,
      [schoolId, name, code, exceptId],
    );
    if (rows.length === 0) return;
    const byCode = code !== null && rows[0].code === code;
    throw conflict(
      'subject-exists',
      byCode ? `The school already has a subject with the code ${code}` : `The school already has the subject «${rows[0].name}» (names do not depend on case)`,
      { field: byCode ? 'code' : 'name' },
    );
  }
}
