import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { notFound } from '../../common/errors/problem';
import { UpdateSchoolDto, UpdateSchoolSettingsDto } from './dto/school.dto';
import { SchoolSettings } from './entities/school-settings.entity';
import { School } from './entities/school.entity';

/** The school record and its settings. A user reaches only their own school; any other id is 404. */
@Injectable()
export class SchoolService {
  constructor(
    @InjectRepository(School) private readonly schools: Repository<School>,
    @InjectRepository(SchoolSettings) private readonly settings: Repository<SchoolSettings>,
  ) {}

  private ownSchoolId(actor: Actor, schoolId: string): string {
    if (schoolId !== actor.schoolId) throw notFound('School');
    return schoolId;
  }

  async get(actor: Actor, schoolId: string): Promise<School> {
    const school = await this.schools.findOneBy({ id: this.ownSchoolId(actor, schoolId) });
    if (!school) throw notFound('School');
    return school;
  }

  async update(actor: Actor, schoolId: string, dto: UpdateSchoolDto): Promise<School> {
    const school = await this.get(actor, schoolId);
    Object.assign(school, dto);
    return this.schools.save(school);
  }

  /** Settings of a school (the row is created with the school). */
  async getSettings(actor: Actor, schoolId: string): Promise<SchoolSettings> {
    const settings = await this.settings.findOneBy({ schoolId: this.ownSchoolId(actor, schoolId) });
    if (!settings) throw notFound('School');
    return settings;
  }

  async updateSettings(actor: Actor, schoolId: string, dto: UpdateSchoolSettingsDto): Promise<SchoolSettings> {
    const settings = await this.getSettings(actor, schoolId);
    Object.assign(settings, dto);
    return this.settings.save(settings);
  }
}
