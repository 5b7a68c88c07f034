import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '../../../database/base.entity';
import { School } from './school.entity';

/** Настройки школы: rules that the regulation leaves to the school (R-FC-5). One row per school. */
@Entity('school_settings')
@Check('ck_school_settings_threshold', '"rounding_threshold" > 0 AND "rounding_threshold" < 1')
@Check('ck_school_settings_min_marks', '"min_marks_for_attestation" BETWEEN 1 AND 20')
export class SchoolSettings {
  @PrimaryColumn({ type: 'uuid' })
  schoolId!: string;

  @ApiHideProperty()
  @OneToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  /** Fraction from which an average rounds up: 0.5 means 4.5 → «5», 0.6 means 4.6 → «5». */
  @Column({ type: 'numeric', precision: 3, scale: 2, default: () => '0.5', transformer: numericTransformer })
  roundingThreshold!: number;

  /** Marks a student needs in a period to be attested (§4.4.11: at least three). */
  @Column({ type: 'smallint', default: 3 })
  minMarksForAttestation!: number;

  /** Early warning (R-JRN-8): a student whose share of missed lessons in a period exceeds this is flagged. */
  @Column({ type: 'numeric', precision: 3, scale: 2, default: () => '0.3', transformer: numericTransformer })
  warningAbsenceShare!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
