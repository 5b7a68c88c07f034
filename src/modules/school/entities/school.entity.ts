import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../database/base.entity';

/** Школа (образовательная организация): the tenant. */
@Entity('school')
export class School extends BaseEntity {
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  shortName!: string;

  /** IANA time zone; lesson dates are local dates of this zone. */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Krasnoyarsk' })
  timeZone!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address!: string | null;
}
