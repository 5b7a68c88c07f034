import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { BaseEntity } from '../../../database/base.entity';
import { School } from '../../school/entities/school.entity';
import { Role } from '../../../common/access/role';

export enum UserStatus {
  Active = 'active',
  Disabled = 'disabled',
}

/** Учётная запись: a person's login. Logins are unique in the deployment (case-insensitive). */
@Entity('app_user')
@Index('uq_app_user_login', { synchronize: false })
@Index('ix_app_user_school', ['schoolId'])
@Check('ck_app_user_status', `"status" IN ('active', 'disabled')`)
export class User extends BaseEntity {
  /** null only for regional operators, who belong to no school */
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: School | null;

  @Column({ type: 'varchar', length: 100 })
  login!: string;

  @ApiHideProperty()
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  /** ФИО as shown in the interface */
  @Column({ type: 'varchar', length: 300, collation: 'ru-RU-x-icu' })
  fullName!: string;

  @Column({ type: 'varchar', length: 20, default: UserStatus.Active })
  status!: UserStatus;

  /** set by a one-time password (admin reset, new account): every route but the password change is refused */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @ApiHideProperty()
  @OneToMany(() => UserRole, (r) => r.user)
  roleRows?: UserRole[];
}

/** A role of a user in their school; several per person are normal (a teacher who is also deputy). */
@Entity('user_role')
@Check('ck_user_role_role', `"role" IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'parent', 'student', 'operator')`)
export class UserRole {
  @Column({ type: 'uuid', primary: true })
  userId!: string;

  @Column({ type: 'varchar', length: 20, primary: true })
  role!: Role;

  @ManyToOne(() => User, (u) => u.roleRows, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
