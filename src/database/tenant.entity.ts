import { ApiHideProperty } from '@nestjs/swagger';
import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { School } from '../modules/school/entities/school.entity';
import { BaseEntity } from './base.entity';

/** A row that belongs to one school (tenant). Every unique key and index starts with school_id. */
export abstract class TenantEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  schoolId!: string;

  @ApiHideProperty()
  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: School;
}
