import { EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../../common/access/actor';
import { Role } from '../../../common/access/role';
import { notFound, ProblemError } from '../../../common/errors/problem';

/**
 * The relationship layer (R-ACC-2, R-ACC-3): which students, classes and guardians an actor reaches, as SQL that a
 * query embeds, so that lists are filtered in the database and a record out of reach is simply not found (404).
 *
 * - administrator, director, deputy, secretary: the whole school;
 * - teacher: the classes they are class teacher of (every student ever enrolled there), the classes of their teaching
 *   assignments (whole-class assignments: the class's students; subgroup assignments: that subgroup's members);
 * - parent: the students linked to the guardian record of their account;
 * - student: themself.
 * Several roles reach the union. Everything is also bounded by the actor's school.
 *
 * Each function takes a `bind` that turns a value into a placeholder, so the same SQL serves TypeORM's named
 * parameters (`namedParams()`) and raw positional queries (`positionalParams()`).
  * A function binds only the values its returned SQL uses: an unused positional parameter fails in PostgreSQL
 * (the reach e2e suite runs every condition for every role to hold this).
 */
export type Bind = (value: unknown) => string;

/** Roles whose reach is the whole school. */
export const SCHOOL_WIDE_ROLES: readonly Role[] = [Role.Admin, Role.Director, Role.Deputy, Role.Secretary];

export function reachesWholeSchool(actor: Pick<Actor, 'roles'>): boolean {
  return hasRole(actor, ...SCHOOL_WIDE_ROLES);
}

/** Named parameters for a TypeORM query builder: `qb.andWhere(sql, params)`. */
export function namedParams(prefix = 'reach'): { bind: Bind; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let n = 0;
  return {
    params,
    bind: (value) => {
      const name = `${prefix}${n++}`;
      params[name] = value;
      return `:${name}`;
    },
  };
}

/** Positional parameters for `manager.query(sql, values)`; `values` may already hold the query's own parameters. */
export function positionalParams(values: unknown[] = []): { bind: Bind; values: unknown[] } {
  return {
    values,
    bind: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** SQL selecting the ids of the staff records of the actor's account (normally one). */
function ownStaff(actor: Actor, bind: Bind): string {
  return `SELECT st.id FROM staff st WHERE st.user_id = ${bind(actor.userId)} AND st.school_id = ${bind(actor.schoolId)}`;
}

/** SQL selecting the ids of the classes whose class teacher the actor is. */
export function classTeacherClassesSql(actor: Actor, bind: Bind): string {
  return `SELECT c.id FROM school_class c WHERE c.class_teacher_staff_id IN (${ownStaff(actor, bind)})`;
}

/**
 * A boolean SQL condition: the student whose id is `studentIdExpr` is within the actor's reach.
 * `studentIdExpr` is a column or placeholder of the enclosing query (e.g. `s.id`).
 */
export function studentInReach(actor: Actor, studentIdExpr: string, bind: Bind): string {
  if (!reachesWholeSchool(actor) && !hasRole(actor, Role.Teacher, Role.Parent, Role.Student)) return 'FALSE';
  const school = bind(actor.schoolId);
  if (reachesWholeSchool(actor)) {
    return `EXISTS (SELECT 1 FROM student rs WHERE rs.id = ${studentIdExpr} AND rs.school_id = ${school})`;
  }
  const parts: string[] = [];
  if (hasRole(actor, Role.Teacher)) {
    const staff = ownStaff(actor, bind);
    parts.push(
      `SELECT 1 FROM enrollment re JOIN school_class rc ON rc.id = re.class_id
        WHERE re.student_id = ${studentIdExpr} AND rc.school_id = ${school} AND rc.class_teacher_staff_id IN (${staff})`,
      `SELECT 1 FROM enrollment re JOIN teaching_assignment ta ON ta.class_id = re.class_id AND ta.subgroup_id IS NULL
        WHERE re.student_id = ${studentIdExpr} AND ta.school_id = ${school} AND ta.staff_id IN (${staff})`,
      `SELECT 1 FROM subgroup_member rm JOIN teaching_assignment ta ON ta.subgroup_id = rm.subgroup_id
        WHERE rm.student_id = ${studentIdExpr} AND ta.school_id = ${school} AND ta.staff_id IN (${staff})`,
    );
  }
  if (hasRole(actor, Role.Parent)) {
    parts.push(
      `SELECT 1 FROM student_guardian rl JOIN guardian rg ON rg.id = rl.guardian_id
        WHERE rl.student_id = ${studentIdExpr} AND rg.school_id = ${school} AND rg.user_id = ${bind(actor.userId)}`,
    );
  }
  if (hasRole(actor, Role.Student)) {
    parts.push(
      `SELECT 1 FROM student rs WHERE rs.id = ${studentIdExpr} AND rs.school_id = ${school} AND rs.user_id = ${bind(actor.userId)}`,
    );
  }
  if (parts.length === 0) return 'FALSE';
  return `(${parts.map((p) => `EXISTS (${p})`).join(' OR ')})`;
}

/**
 * A boolean SQL condition: the class `classIdExpr` is within the actor's reach — the whole school for the school-wide
 * roles; for a teacher their class-teacher classes and the classes of their assignments (whole class or a subgroup);
 * for a parent or a student the classes their children or they themselves are or were enrolled in.
 */
export function classInReach(actor: Actor, classIdExpr: string, bind: Bind): string {
  if (!reachesWholeSchool(actor) && !hasRole(actor, Role.Teacher, Role.Parent, Role.Student)) return 'FALSE';
  const school = bind(actor.schoolId);
  if (reachesWholeSchool(actor)) {
    return `EXISTS (SELECT 1 FROM school_class rc WHERE rc.id = ${classIdExpr} AND rc.school_id = ${school})`;
  }
  const parts: string[] = [];
  if (hasRole(actor, Role.Teacher)) {
    const staff = ownStaff(actor, bind);
    parts.push(
      `SELECT 1 FROM school_class rc WHERE rc.id = ${classIdExpr} AND rc.school_id = ${school} AND rc.class_teacher_staff_id IN (${staff})`,
      `SELECT 1 FROM teaching_assignment ta WHERE ta.class_id = ${classIdExpr} AND ta.school_id = ${school} AND ta.staff_id IN (${staff})`,
    );
  }
  if (hasRole(actor, Role.Parent, Role.Student)) {
    parts.push(
      `SELECT 1 FROM enrollment re WHERE re.class_id = ${classIdExpr} AND re.school_id = ${school}
         AND ${studentInReach({ ...actor, roles: actor.roles.filter((r) => r === Role.Parent || r === Role.Student) }, 're.student_id', bind)}`,
    );
  }
  if (parts.length === 0) return 'FALSE';
  return `(${parts.map((p) => `EXISTS (${p})`).join(' OR ')})`;
}

/**
 * A boolean SQL condition: the actor may manage the class `classIdExpr` as its class teacher (confirm cards, issue
 * invitation codes, divide it into subgroups) — the administrator for every class of the school, a teacher for the
 * classes whose class teacher they are.
 */
export function classManagedBy(actor: Actor, classIdExpr: string, bind: Bind): string {
  if (hasRole(actor, Role.Admin)) {
    return `EXISTS (SELECT 1 FROM school_class rc WHERE rc.id = ${classIdExpr} AND rc.school_id = ${bind(actor.schoolId)})`;
  }
  if (hasRole(actor, Role.Teacher)) {
    return `EXISTS (SELECT 1 FROM school_class rc WHERE rc.id = ${classIdExpr} AND rc.school_id = ${bind(actor.schoolId)}
      AND rc.class_teacher_staff_id IN (${ownStaff(actor, bind)}))`;
  }
  return 'FALSE';
}

/**
 * A boolean SQL condition: the guardian `guardianIdExpr` is within reach — a guardian of a student in reach, or the
 * actor's own guardian record.
 */
export function guardianInReach(actor: Actor, guardianIdExpr: string, bind: Bind): string {
  if (reachesWholeSchool(actor)) {
    return `EXISTS (SELECT 1 FROM guardian rg WHERE rg.id = ${guardianIdExpr} AND rg.school_id = ${bind(actor.schoolId)})`;
  }
  const viaStudent = `EXISTS (SELECT 1 FROM student_guardian gl WHERE gl.guardian_id = ${guardianIdExpr}
    AND ${studentInReach(actor, 'gl.student_id', bind)})`;
  if (!hasRole(actor, Role.Parent)) return viaStudent;
  return `(${viaStudent} OR EXISTS (SELECT 1 FROM guardian og WHERE og.id = ${guardianIdExpr}
    AND og.user_id = ${bind(actor.userId)} AND og.school_id = ${bind(actor.schoolId)}))`;
}

/**
 * A boolean SQL condition: the guardian's own card (ФИО and contacts) `guardianIdExpr` is within reach — for the staff
 * roles as `guardianInReach` (a teacher: the guardians of the students they reach), for a parent only their own
 * guardian record (not the other guardians of their children).
 */
export function guardianCardInReach(actor: Actor, guardianIdExpr: string, bind: Bind): string {
  const parts: string[] = [];
  const staffRoles = actor.roles.filter((r) => r !== Role.Parent && r !== Role.Student);
  if (staffRoles.length > 0) parts.push(guardianInReach({ ...actor, roles: staffRoles }, guardianIdExpr, bind));
  if (hasRole(actor, Role.Parent)) {
    parts.push(`EXISTS (SELECT 1 FROM guardian og WHERE og.id = ${guardianIdExpr}
      AND og.user_id = ${bind(actor.userId)} AND og.school_id = ${bind(actor.schoolId)})`);
  }
  return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
}

/**
 * A boolean SQL condition: the teaching assignment `assignmentIdExpr` (and its thematic plan) is the actor's to read
 * (`'read'`) or to write (`'write'`) — every assignment of the school for the administrator and the deputy (and, to
 * read, the director); for a teacher their own assignments (staff.user_id = the actor).
 */
export function assignmentInReach(actor: Actor, assignmentIdExpr: string, bind: Bind, mode: 'read' | 'write' = 'read'): string {
  const wide = mode === 'read' ? [Role.Admin, Role.Deputy, Role.Director] : [Role.Admin, Role.Deputy];
  if (hasRole(actor, ...wide)) {
    return `EXISTS (SELECT 1 FROM teaching_assignment ra WHERE ra.id = ${assignmentIdExpr} AND ra.school_id = ${bind(actor.schoolId)})`;
  }
  if (!hasRole(actor, Role.Teacher)) return 'FALSE';
  return `EXISTS (SELECT 1 FROM teaching_assignment ra WHERE ra.id = ${assignmentIdExpr} AND ra.school_id = ${bind(actor.schoolId)}
    AND ra.staff_id IN (${ownStaff(actor, bind)}))`;
}

/**
 * A boolean SQL condition: the staff member `staffIdExpr`'s own timetable (the lessons they teach) is the actor's to
 * read — every staff member of the school for the school-wide roles; for a teacher their own staff record only.
 */
export function staffTimetableInReach(actor: Actor, staffIdExpr: string, bind: Bind): string {
  if (reachesWholeSchool(actor)) {
    return `EXISTS (SELECT 1 FROM staff rst WHERE rst.id = ${staffIdExpr} AND rst.school_id = ${bind(actor.schoolId)})`;
  }
  if (!hasRole(actor, Role.Teacher)) return 'FALSE';
  return `EXISTS (SELECT 1 FROM staff rst WHERE rst.id = ${staffIdExpr} AND rst.school_id = ${bind(actor.schoolId)}
    AND rst.user_id = ${bind(actor.userId)})`;
}

/** 404 «Staff record not found» unless the staff member's timetable is within the actor's reach (`staffTimetableInReach`). */
export async function assertStaffTimetableInReach(m: EntityManager, actor: Actor, staffId: string): Promise<void> {
  if (!(await exists(m, staffId, (id, bind) => staffTimetableInReach(actor, id, bind)))) throw notFound('Staff record');
}

/** 404 «Teaching assignment not found» unless the assignment is within the actor's reach (`assignmentInReach`). */
export async function assertAssignmentInReach(m: EntityManager, actor: Actor, assignmentId: string, mode: 'read' | 'write' = 'read'): Promise<void> {
  if (!(await exists(m, assignmentId, (id, bind) => assignmentInReach(actor, id, bind, mode)))) throw notFound('Teaching assignment');
}

/** One round trip: is the record `id` within the condition? (`$1` is always referenced, whatever the condition.) */
async function exists(m: EntityManager, id: string, condition: (idExpr: string, bind: Bind) => string): Promise<boolean> {
  const p = positionalParams([id]);
  const rows = (await m.query(`SELECT ($1::uuid IS NOT NULL AND ${condition('$1::uuid', p.bind)}) AS ok`, p.values)) as Array<{ ok: boolean }>;
  return rows[0]?.ok === true;
}

/** 404 «Student not found» unless the student is within the actor's reach. */
export async function assertStudentInReach(m: EntityManager, actor: Actor, studentId: string): Promise<void> {
  if (!(await exists(m, studentId, (id, bind) => studentInReach(actor, id, bind)))) throw notFound('Student');
}

/** 404 «Class not found» unless the class is within the actor's reach. */
export async function assertClassInReach(m: EntityManager, actor: Actor, classId: string): Promise<void> {
  if (!(await exists(m, classId, (id, bind) => classInReach(actor, id, bind)))) throw notFound('Class');
}

/** 404 «Guardian not found» unless the guardian is within the actor's reach. */
export async function assertGuardianInReach(m: EntityManager, actor: Actor, guardianId: string): Promise<void> {
  if (!(await exists(m, guardianId, (id, bind) => guardianInReach(actor, id, bind)))) throw notFound('Guardian');
}

/** 404 «Guardian not found» unless the guardian's own card is within the actor's reach (`guardianCardInReach`). */
export async function assertGuardianCardInReach(m: EntityManager, actor: Actor, guardianId: string): Promise<void> {
  if (!(await exists(m, guardianId, (id, bind) => guardianCardInReach(actor, id, bind)))) throw notFound('Guardian');
}

/**
 * For a class-teacher action on a class: 404 when the class is out of reach, 403 `not-class-teacher` when the actor
 * reads it (e.g. teaches a subject there) but is not its class teacher.
 */
export async function assertClassManagedBy(m: EntityManager, actor: Actor, classId: string): Promise<void> {
  await assertClassInReach(m, actor, classId);
  if (!(await exists(m, classId, (id, bind) => classManagedBy(actor, id, bind)))) {
    throw new ProblemError(403, 'not-class-teacher', 'Not the class teacher', 'Only the class teacher of this class or the administrator may do this');
  }
}
