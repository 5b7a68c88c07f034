/** Roles of a school's users (see requirements.md, «Roles and relationships»). */
export enum Role {
  /** администратор ЭЖ */
  Admin = 'admin',
  /** директор */
  Director = 'director',
  /** заместитель директора по УВР */
  Deputy = 'deputy',
  /** секретарь, делопроизводитель */
  Secretary = 'secretary',
  /** учитель-предметник */
  Teacher = 'teacher',
  /** родитель, законный представитель */
  Parent = 'parent',
  /** обучающийся */
  Student = 'student',
  /** региональный оператор: создаёт школы и их первых администраторов; не принадлежит школе */
  Operator = 'operator',
}

/** Every role. */
export const ALL_ROLES: readonly Role[] = Object.values(Role);
/** The roles of a school's users (everyone but the regional operator). */
export const SCHOOL_ROLES: readonly Role[] = ALL_ROLES.filter((r) => r !== Role.Operator);
/** Everyone who works at the school. */
export const STAFF_ROLES: readonly Role[] = [Role.Admin, Role.Director, Role.Deputy, Role.Secretary, Role.Teacher];
