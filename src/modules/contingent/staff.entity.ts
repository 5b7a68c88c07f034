import { ApiHideProperty } from '@nestjs/swagger';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../database/tenant.entity';
import { User } from '../auth/entities/user.entity';

/**
 * A person who works at the school (сотрудник): ФИО, positions and, once they have one, their account.
 * A staff record may exist before its account; an account is linked to at most one staff record.
 */
@Entity('staff')
@Index('ix_staff_name', ['schoolId', 'surname', 'name'])
@Index('uq_staff_user', ['schoolId', 'userId'], { unique: true })
@Index('uq_staff_personnel_number', ['schoolId', 'personnelNumber'], { unique: true, where: '"personnel_number" IS NOT NULL' })
export class Staff extends TenantEntity {
  /** @example "Ёлкина" */
  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu' })
  surname!: string;

  /** @example "Мария" */
  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu' })
  name!: string;

  /** @example "Петровна" */
  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu', nullable: true })
  patronymic!: string | null;

  /** Табельный номер: the key of the staff import, unique in the school when set. @example "0042" */
  @Column({ type: 'varchar', length: 32, nullable: true })
  personnelNumber!: string | null;

  /** Должности. @example ["учитель математики", "заместитель директора по УВР"] */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  positions!: string[];

  /** The person's account (same school), if linked. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Set when the person no longer works at the school; archived staff are left out of lists by default. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
