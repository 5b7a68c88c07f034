import { Role } from '../src/common/access/role';

/**
 * Who may call each operation of openapi/openapi.json: `'public'` or the roles. The access test walks the
 * spec and fails when an operation has no row here, when a row disagrees with the route's declaration, or when
 * a live call disagrees with the row. A new route is unfinished until it has its row.
 */
const { Admin, Director, Deputy, Secretary, Teacher, Parent, Operator } = Role;
const STAFF = [Admin, Director, Deputy, Secretary, Teacher];
const EVERYONE = Object.values(Role);
const SCHOOL = EVERYONE.filter((r) => r !== Role.Operator);

export const ACCESS_MATRIX: Record<string, 'public' | Role[]> = {
  // health
  getLiveness: 'public',
  getReadiness: 'public',
  // auth
  login: 'public',
  refreshTokens: 'public',
  logout: EVERYONE,
  getMe: EVERYONE,
  changeMyPassword: EVERYONE,
  listMySessions: EVERYONE,
  endMySession: EVERYONE,
  endUserSessions: [Admin],
  resetUserPassword: [Admin],
  // audit
  listAuditEvents: [Admin, Director],
  exportAuditEvents: [Admin, Director],
  getUsage: [Admin, Deputy, Director],
  // jobs
  getJob: SCHOOL,
  downloadJobFile: SCHOOL,
  // school
  getSchool: STAFF,
  updateSchool: [Admin],
  getSchoolSettings: STAFF,
  updateSchoolSettings: [Admin],
  listAcademicYears: STAFF,
  createAcademicYear: [Admin],
  getAcademicYear: STAFF,
  updateAcademicYear: [Admin],
  getSchoolCalendar: STAFF,
  listStudyPeriods: STAFF,
  createStudyPeriod: [Admin],
  updateStudyPeriod: [Admin],
  deleteStudyPeriod: [Admin],
  listHolidays: STAFF,
  createHoliday: [Admin],
  updateHoliday: [Admin],
  deleteHoliday: [Admin],
  listCalendarDays: STAFF,
  createCalendarDay: [Admin],
  deleteCalendarDay: [Admin],
  listWeekPatterns: STAFF,
  replaceWeekPatterns: [Admin],
  listBellSchedules: STAFF,
  createBellSchedule: [Admin],
  getBellSchedule: STAFF,
  replaceBellSchedule: [Admin],
  deleteBellSchedule: [Admin],
  listMarkTypes: STAFF,
  createMarkType: [Admin],
  getMarkType: STAFF,
  updateMarkType: [Admin],
  archiveMarkType: [Admin],
  // contingent: the subject catalogue (everyone in the school reads it; the diary shows subject names)
  listSubjects: SCHOOL,
  createSubject: [Admin, Deputy],
  getSubject: SCHOOL,
  updateSubject: [Admin, Deputy],
  archiveSubject: [Admin, Deputy],
  restoreSubject: [Admin, Deputy],
  // users: staff accounts of the school (the director reads them)
  listUsers: [Admin, Director],
  createUser: [Admin],
  getUser: [Admin, Director],
  updateUser: [Admin],
  replaceUserRoles: [Admin],
  // contingent: staff records (admin and secretary keep them) and classes (admin and deputy)
  listStaff: STAFF,
  createStaff: [Admin, Secretary],
  getStaff: STAFF,
  updateStaff: [Admin, Secretary],
  listClasses: STAFF,
  createClass: [Admin, Deputy],
  getClass: STAFF,
  updateClass: [Admin, Deputy],
  deleteClass: [Admin, Deputy],
  // contingent: subgroups (the class teacher divides the class; the admin moves students between groups, §4.4.2)
  listSubgroups: STAFF,
  createSubgroup: [Admin, Deputy, Teacher],
  getSubgroup: STAFF,
  updateSubgroup: [Admin, Deputy, Teacher],
  deleteSubgroup: [Admin, Deputy, Teacher],
  addSubgroupMembers: [Admin, Teacher],
  moveSubgroupMember: [Admin],
  endSubgroupMembership: [Admin, Teacher],
  // contingent: teaching assignments (учебная нагрузка; admin and deputy plan it)
  listTeachingAssignments: STAFF,
  createTeachingAssignment: [Admin, Deputy],
  getTeachingAssignment: STAFF,
  updateTeachingAssignment: [Admin, Deputy],
  deleteTeachingAssignment: [Admin, Deputy],
  // invitation codes: the class teacher of the class (a teacher; others 403 not-class-teacher or 404) and the admin
  issueInvitationCodes: [Admin, Teacher],
  listInvitationCodes: [Admin, Teacher],
  revokeInvitationCode: [Admin, Teacher],
  activateInvitationCode: 'public',
  // contingent: students (everyone in the school, filtered by reach in SQL; out of reach 404), guardians, movement
  listStudents: SCHOOL,
  createStudent: [Admin, Secretary],
  getStudent: SCHOOL,
  updateStudent: [Admin, Secretary, Teacher],
  verifyStudent: [Admin, Teacher],
  listUnverifiedStudents: [Admin, Deputy, Director, Teacher],
  listClassStudents: STAFF,
  listGuardians: [Admin, Director, Deputy, Secretary],
  createGuardian: [Admin, Secretary],
  getGuardian: [...STAFF, Parent],
  updateGuardian: [Admin, Secretary, Teacher],
  listStudentGuardians: SCHOOL,
  linkStudentGuardian: [Admin, Secretary, Teacher],
  unlinkStudentGuardian: [Admin, Secretary],
  createMovement: [Admin, Secretary],
  getStudentMovements: SCHOOL,
  listMovements: [Admin, Director, Deputy, Secretary],
  // imports and exports of the secretary's lists (R-CON-6); the exports are personal data: no teacher
  importClassLists: [Admin, Secretary],
  importStaff: [Admin, Secretary],
  getClassListTemplate: [Admin, Secretary],
  getStaffTemplate: [Admin, Secretary],
  exportClassLists: [Admin, Secretary, Director, Deputy],
  exportStaff: [Admin, Secretary, Director, Deputy],
  // region: the regional operator's schools and first admins
  listSchools: [Operator],
  createSchool: [Operator],
  createSchoolAdmin: [Operator],
};

/** A valid body for operations that need one, so that a call reaches the access and reach checks. */
export const SAMPLE_BODIES: Record<string, object> = {
  exportAuditEvents: {},
  login: { login: 'nobody', password: 'nothing' },
  refreshTokens: { refreshToken: 'not-a-token' },
  // a wrong current password: 422, and one failed attempt per role's account (far below the throttle limit)
  changeMyPassword: { currentPassword: 'не тот пароль', newPassword: 'новый пароль для проверки' },
  updateSchool: {},
  updateSchoolSettings: {},
  createAcademicYear: { name: '2030/2031', startsOn: '2030-09-01', endsOn: '2031-05-31' },
  updateAcademicYear: {},
  createStudyPeriod: { kind: 'quarter', number: 1, gradeFrom: 1, gradeTo: 1, startsOn: '2026-09-01', endsOn: '2026-09-02' },
  updateStudyPeriod: {},
  createHoliday: { name: 'Каникулы', gradeFrom: 1, gradeTo: 1, startsOn: '2026-09-01', endsOn: '2026-09-02' },
  updateHoliday: {},
  createCalendarDay: { date: '2026-09-05', kind: 'non_working', reason: 'Проверка' },
  replaceWeekPatterns: { patterns: [{ gradeFrom: 1, gradeTo: 11, daysPerWeek: 5 }] },
  createBellSchedule: { name: 'Проверка', bells: [{ lessonNumber: 1, startsAt: '08:00', endsAt: '08:40' }] },
  replaceBellSchedule: { name: 'Проверка', bells: [{ lessonNumber: 1, startsAt: '08:00', endsAt: '08:40' }] },
  createMarkType: { code: 'probe', name: 'Проверка', shortName: 'Пр', weight: 1, category: 'other' },
  updateMarkType: {},
  createSubject: { code: 'probe', name: 'Проверка', shortName: 'Пр.' },
  updateSubject: {},
  createUser: { login: 'probe.user', fullName: 'Пробная Пользователь', roles: ['teacher'] },
  updateUser: {},
  replaceUserRoles: { roles: ['teacher'] },
  createStaff: { surname: 'Пробный', name: 'Сотрудник' },
  updateStaff: {},
  createClass: { grade: 11, letter: 'Я' },
  issueInvitationCodes: {},
  activateInvitationCode: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' },
  updateClass: {},
  createSubgroup: { subjectId: '00000000-0000-4000-8000-000000000000', name: 'Проба' },
  updateSubgroup: {},
  addSubgroupMembers: { studentIds: ['00000000-0000-4000-8000-000000000000'], date: '2026-09-01' },
  moveSubgroupMember: { toSubgroupId: '00000000-0000-4000-8000-000000000000', date: '2026-09-01' },
  createTeachingAssignment: {
    staffId: '00000000-0000-4000-8000-000000000000',
    subjectId: '00000000-0000-4000-8000-000000000000',
    classId: '00000000-0000-4000-8000-000000000000',
    hoursPerWeek: 1,
  },
  updateTeachingAssignment: {},
  createStudent: { surname: 'Пробный', name: 'Ученик', birthDate: '2015-03-14', gender: 'm', personalFileNumber: 'ПРОБА-1' },
  updateStudent: {},
  createGuardian: { surname: 'Пробный', name: 'Родитель' },
  updateGuardian: {},
  linkStudentGuardian: { relation: 'mother' },
  createMovement: { kind: 'departure', date: '2026-10-01', orderNumber: '1-у' },
  createSchool: { name: 'Пробная школа', shortName: 'Проба' },
  createSchoolAdmin: { login: 'probe.admin', fullName: 'Пробный Администратор' },
};

/** Operations that end the caller's session: the access test signs in afresh for each call of these. */
export const SESSION_ENDING = new Set(['logout']);

/** Query parameters that an operation requires. */
export const SAMPLE_QUERIES: Record<string, Record<string, string>> = {
  getSchoolCalendar: { grade: '5' },
  endSubgroupMembership: { date: '2026-09-01' },
  importClassLists: { academicYearId: '00000000-0000-4000-8000-000000000000' },
};
