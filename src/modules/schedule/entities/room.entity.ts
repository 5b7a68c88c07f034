import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';

export enum RoomKind {
  /** учебный кабинет */
  Classroom = 'classroom',
  /** компьютерный класс */
  Computer = 'computer',
  /** спортивный зал */
  Gym = 'gym',
  /** лаборатория (кабинет физики, химии, биологии) */
  Lab = 'lab',
  /** мастерская */
  Workshop = 'workshop',
  /** актовый зал */
  Assembly = 'assembly',
  Other = 'other',
}

/**
 * Кабинет: a room lessons are held in. The number («214», «Спортзал») is unique in the school case-insensitively
 * (`uq_room_number` on `(school_id, lower(number))`, created by the migration). A room with history is archived,
 * never deleted.
 */
@Entity('room')
@Index('uq_room_number', { synchronize: false })
@Check('ck_room_number', 'char_length(btrim("number")) BETWEEN 1 AND 20')
@Check('ck_room_capacity', '"capacity" IS NULL OR "capacity" BETWEEN 1 AND 1000')
@Check('ck_room_kind', `"kind" IN ('classroom', 'computer', 'gym', 'lab', 'workshop', 'assembly', 'other')`)
export class Room extends TenantEntity {
  /** @example "214" */
  @Column({ type: 'varchar', length: 20, collation: 'ru-RU-x-icu' })
  number!: string;

  /** @example "Кабинет информатики" */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  /** Seats. */
  @Column({ type: 'smallint', nullable: true })
  capacity!: number | null;

  @Column({ type: 'varchar', length: 20, default: RoomKind.Classroom })
  kind!: RoomKind;

  /** When the room was archived; archived rooms leave the lists and take no new lessons, their history stays. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
