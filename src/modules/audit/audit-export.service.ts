import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { JobResponse } from '../../jobs/dto/job.response';
import { JobType } from '../../jobs/job-type';
import { JobsService } from '../../jobs/jobs.service';
import { AuditAction } from './audit-action';
import { checkPeriod } from './audit-query';
import { AuditService } from './audit.service';
import { AuditEventFilter } from './dto/audit-event-filter.dto';

/** Asks for an XLSX of the audit trail: the request is audited and the job row written in one transaction. */
@Injectable()
export class AuditExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  async request(actor: Actor, filter: AuditEventFilter): Promise<JobResponse> {
    checkPeriod(filter);
    const params = { ...filter };
    const job = await this.db.transaction(async (m) => {
      const created = await this.jobs.create(m, { type: JobType.AuditExport, params, schoolId: actor.schoolId, requestedBy: actor.userId });
      await this.audit.record({ action: AuditAction.AuditExport, entity: 'job', entityId: created.id, details: params }, m);
      return created;
    });
    await this.jobs.dispatch(job);
    return this.jobs.get(actor, job.id);
  }
}
