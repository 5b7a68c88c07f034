import { Role } from '../../common/access/role';
import { ProblemError } from '../../common/errors/problem';
import { assertAdminRemains, assertAssignableRoles, LOGIN_PATTERN, normalizeFullName, replaceStaffRoles } from './user-rules';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof ProblemError ? `${e.status} ${e.code}` : String(e);
  }
}

describe('user rules', () => {
  it('logins are 3–100 latin letters, digits, dots, underscores or hyphens', () => {
    for (const ok of ['abc', 'ivanova.mp', 'Teacher_7', 'a-b.c_d', 'x'.repeat(100)]) expect(LOGIN_PATTERN.test(ok)).toBe(true);
    for (const bad of ['ab', 'иванова', 'a b', 'a@b.ru', 'x'.repeat(101), '', 'tab\tx']) expect(LOGIN_PATTERN.test(bad)).toBe(false);
  });

  it('a full name is trimmed and its inner spaces collapsed', () => {
    expect(normalizeFullName('  Иванова   Мария\tПетровна ')).toBe('Иванова Мария Петровна');
  });

  it('only staff roles are assignable, at least one, duplicates dropped', () => {
    expect(assertAssignableRoles([Role.Teacher, Role.Deputy, Role.Teacher])).toEqual([Role.Teacher, Role.Deputy]);
    expect(codeOf(() => assertAssignableRoles([Role.Teacher, Role.Parent]))).toBe('422 role-not-assignable');
    expect(codeOf(() => assertAssignableRoles([Role.Student]))).toBe('422 role-not-assignable');
    expect(codeOf(() => assertAssignableRoles([Role.Operator]))).toBe('422 role-not-assignable');
    expect(codeOf(() => assertAssignableRoles([]))).toBe('422 role-not-assignable');
  });

  it('replacing staff roles keeps the parent and student roles', () => {
    expect(replaceStaffRoles([Role.Parent, Role.Teacher], [Role.Deputy]).sort()).toEqual([Role.Deputy, Role.Parent]);
    expect(replaceStaffRoles([Role.Admin], [Role.Teacher])).toEqual([Role.Teacher]);
  });

  describe('the last active admin', () => {
    const a = { id: 'a', active: true, roles: [Role.Admin] };
    const b = { id: 'b', active: true, roles: [Role.Admin, Role.Teacher] };
    const off = { id: 'c', active: false, roles: [Role.Admin] };

    it('cannot be disabled', () => {
      expect(codeOf(() => assertAdminRemains([a, off], { ...a, active: false }))).toBe('409 last-admin');
    });

    it('cannot lose the admin role', () => {
      expect(codeOf(() => assertAdminRemains([a], { ...a, roles: [Role.Teacher] }))).toBe('409 last-admin');
    });

    it('may go when another active admin remains', () => {
      expect(codeOf(() => assertAdminRemains([a, b], { ...a, active: false }))).toBeUndefined();
      expect(codeOf(() => assertAdminRemains([a, b], { ...b, roles: [Role.Teacher] }))).toBeUndefined();
    });

    it('re-enabling a disabled admin is always allowed', () => {
      expect(codeOf(() => assertAdminRemains([off], { ...off, active: true }))).toBeUndefined();
    });
  });
});
