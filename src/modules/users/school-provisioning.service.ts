import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnyActor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { currentContext } from '../../common/context/request-context';
import { notFound } from '../../common/errors/problem';
import { Page, PageQuery, paginate } from '../../common/pagination/pagination';
import { setAuditContext } from '../../database/audit-context.subscriber';
import { insertDefaultSubjects } from '../contingent/default-subjects';
import { buildMarkTypes } from '../../database/seed/generator/school-reference';
import { MarkCategory, MarkType } from '../school/entities/mark-type.entity';
import { SchoolSettings } from '../school/entities/school-settings.entity';
import { School } from '../school/entities/school.entity';
import { CreateSchoolDto } from '../school/dto/school.dto';
import { CreateSchoolAdminDto } from './dto/school-provisioning.dto';
import { CreatedAccountResponse } from './dto/user.response';
import { UsersService } from './users.service';

/**
 * The regional operator's work: schools and each school's first admin. The operator belongs to no school
 * and reads no school data but the school records themselves.
 */
@Injectable()
export class SchoolProvisioningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  /** A school with its settings (defaults), the usual mark types (виды работ) and subjects (предметы), in one transaction. */
  createSchool(_actor: AnyActor, dto: CreateSchoolDto): Promise<School> {
    return this.db.transaction(async (m) => {
      const school = await m.save(
        m.create(School, {
          name: dto.name.trim(),
          shortName: dto.shortName.trim(),
          address: dto.address?.trim() || null,
          ...(dto.timeZone ? { timeZone: dto.timeZone } : {}),
        }),
      );
      await m.insert(SchoolSettings, { schoolId: school.id });
      await m.insert(
        MarkType,
        buildMarkTypes().map((t) => ({ ...t, schoolId: school.id, category: t.category as MarkCategory, archivedAt: null })),
      );
      await insertDefaultSubjects(m, school.id);
      return m.findOneByOrFail(School, { id: school.id });
    });
  }

  listSchools(_actor: AnyActor, query: PageQuery): Promise<Page<School>> {
    const qb = this.db.getRepository(School).createQueryBuilder('s');
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

  /** An admin account of the school with a one-time password; 404 for an unknown school. */
  createSchoolAdmin(_actor: AnyActor, schoolId: string, dto: CreateSchoolAdminDto): Promise<CreatedAccountResponse> {
    return this.users.createAccount(schoolId, { login: dto.login, fullName: dto.fullName, roles: [Role.Admin] }, async (m) => {
      const rows = await m.query('SELECT id FROM school WHERE id = $1', [schoolId]);
      if (rows.length === 0) throw notFound('School');
      // the operator acts in that school: its audit events (the new role too) carry the school
      const ctx = currentContext();
      if (ctx) await setAuditContext(m, { ...ctx, schoolId });
    });
  }
}
