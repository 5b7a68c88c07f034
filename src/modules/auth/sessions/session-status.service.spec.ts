import { randomUUID } from 'node:crypto';
import { SessionStatusService } from './session-status.service';

function setup(rows: () => unknown[]) {
  let now = 1_000_000;
  const query = jest.fn(async () => rows());
  const service = new SessionStatusService({ query } as never, () => now);
  return { service, query, advance: (ms: number) => (now += ms) };
}

describe('SessionStatusService', () => {
  const sid = randomUUID();
  const uid = randomUUID();

  it('asks the database once and remembers the answer for at most 2 s', async () => {
    let active = true;
    const { service, query, advance } = setup(() => [{ active, must_change_password: false, school_id: 'school', roles: ['teacher'] }]);
    await expect(service.check(sid, uid)).resolves.toEqual({ active: true, mustChangePassword: false, roles: ['teacher'] });
    active = false;
    advance(1_999);
    await expect(service.check(sid, uid)).resolves.toMatchObject({ active: true });
    expect(query).toHaveBeenCalledTimes(1);
    advance(1);
    await expect(service.check(sid, uid)).resolves.toMatchObject({ active: false });
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('a session that does not exist, or belongs to someone else, is not active', async () => {
    const { service } = setup(() => []);
    await expect(service.check(sid, uid)).resolves.toEqual({ active: false, mustChangePassword: false, roles: [] });
  });

  it('ids that are not UUIDs are refused without a query', async () => {
    const { service, query } = setup(() => [{ active: true, must_change_password: false }]);
    await expect(service.check('not-a-uuid', uid)).resolves.toMatchObject({ active: false });
    expect(query).not.toHaveBeenCalled();
  });

  it('forgetting a session or a user makes the next check ask again', async () => {
    const { service, query } = setup(() => [{ active: true, must_change_password: true }]);
    await service.check(sid, uid);
    service.forgetSession(sid);
    await service.check(sid, uid);
    service.forgetUser(uid);
    await service.check(sid, uid);
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('the cache never holds more than CACHE_MAX entries', async () => {
    const { service } = setup(() => [{ active: true, must_change_password: false }]);
    for (let i = 0; i < SessionStatusService.CACHE_MAX + 50; i++) await service.check(randomUUID(), uid);
    expect(service.cachedEntries).toBe(SessionStatusService.CACHE_MAX);
  });

  it('reports the roles the user holds now: school roles for a school user, only operator without a school', async () => {
    let row: Record<string, unknown> = { active: true, must_change_password: false, school_id: 'school', roles: ['deputy', 'operator', 'teacher'] };
    const { service, advance } = setup(() => [row]);
    await expect(service.check(sid, uid)).resolves.toMatchObject({ roles: ['deputy', 'teacher'] });
    row = { active: true, must_change_password: false, school_id: null, roles: ['admin', 'operator'] };
    advance(2_000);
    await expect(service.check(sid, uid)).resolves.toMatchObject({ roles: ['operator'] });
  });
});
