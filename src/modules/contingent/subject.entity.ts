import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../database/tenant.entity';

/**
 * Предмет: one subject of the school's catalogue. The code is a stable latin key (imports rely on it) and never
 * changes; a subject with history is archived, never deleted. Names are unique per school case-insensitively
 * (`uq_subject_name` on `(school_id, lower(name))`, created by the migration).
 */
@Entity('subject')
@Index('uq_subject_name', { synchronize: false })
@Index('uq_subject_code', ['schoolId', 'code'], { unique: true })
export class Subject extends TenantEntity {
  /** Full name. @example "Русский язык" */
  @Column({ type: 'varchar', length: 200, collation: 'ru-RU-x-icu' })
  name!: string;

  /** Short name for timetables and the diary. @example "Рус. яз." */
  @Column({ type: 'varchar', length: 50 })
  shortName!: string;

  /** Stable latin key, unique in the school, immutable. @example "russian" */
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  /** When the subject was archived; archived subjects leave the lists but keep their history. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
