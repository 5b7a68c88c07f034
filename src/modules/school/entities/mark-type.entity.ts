import { Check, Column, Entity, Index } from 'typeorm';
import { numericTransformer } from '../../../database/base.entity';
import { TenantEntity } from '../../../database/tenant.entity';

export enum MarkCategory {
  Oral = 'oral',
  Written = 'written',
  Control = 'control',
  Laboratory = 'laboratory',
  Practical = 'practical',
  Homework = 'homework',
  Other = 'other',
}

/** Categories that count as written work for deadlines and attestation (§4.4.8, §4.4.11). */
export const WRITTEN_CATEGORIES: readonly MarkCategory[] = [
  MarkCategory.Written,
  MarkCategory.Control,
  MarkCategory.Laboratory,
  MarkCategory.Practical,
];

/** Вид работы (тип отметки) with its weight, set by the school admin only (§4.4.8). */
@Entity('mark_type')
@Index('uq_mark_type_code', ['schoolId', 'code'], { unique: true })
@Check('ck_mark_type_weight', '"weight" > 0')
@Check(
  'ck_mark_type_category',
  `"category" IN ('oral', 'written', 'control', 'laboratory', 'practical', 'homework', 'other')`,
)
export class MarkType extends TenantEntity {
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  shortName!: string;

  @Column({ type: 'numeric', precision: 4, scale: 2, transformer: numericTransformer })
  weight!: number;

  @Column({ type: 'varchar', length: 20 })
  category!: MarkCategory;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
