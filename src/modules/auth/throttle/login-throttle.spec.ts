import { LoginThrottle, TooManyAttemptsError } from './login-throttle.service';
import { accountKey, LOGIN_THROTTLE, retryAfterSeconds, ThrottleCount, ThrottleStore } from './throttle-rules';

/** The stores' contract in memory, on a clock the test moves. */
class MemoryStore implements ThrottleStore {
  now = 0;
  readonly rows = new Map<string, { hits: number; endsAt: number }>();

  async hit(key: string, windowMs: number): Promise<ThrottleCount> {
    const row = this.rows.get(key);
    if (!row || row.endsAt <= this.now) {
      this.rows.set(key, { hits: 1, endsAt: this.now + windowMs });
      return { hits: 1, resetInMs: windowMs };
    }
    row.hits++;
    return { hits: row.hits, resetInMs: row.endsAt - this.now };
  }

  async release(key: string): Promise<void> {
    const row = this.rows.get(key);
    if (row && row.endsAt > this.now && row.hits > 0) row.hits--;
  }

  async clear(key: string): Promise<void> {
    this.rows.delete(key);
  }
}

async function refusal(p: Promise<unknown>): Promise<TooManyAttemptsError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TooManyAttemptsError);
    return e as TooManyAttemptsError;
  }
  throw new Error('expected 429');
}

describe('login throttle windows', () => {
  let store: MemoryStore;
  let throttle: LoginThrottle;

  beforeEach(() => {
    store = new MemoryStore();
    throttle = new LoginThrottle(store, null);
  });

  it('10 failed attempts for one account within a minute pass; the 11th waits until the window ends', async () => {
    for (let i = 0; i < 10; i++) {
      store.now += 1000;
      await throttle.begin('Admin.S1', '10.0.0.1');
    }
    store.now += 1000; // 11 s after the window opened at 1 s
    const e = await refusal(throttle.begin('admin.s1', '10.0.0.2'));
    expect(e.status).toBe(429);
    expect(e.code).toBe('too-many-attempts');
    expect(e.retryAfter).toBe(50);
    expect(e.headers).toEqual({ 'retry-after': '50' });
  });

  it('the window is fixed: after it ends the account may try again', async () => {
    for (let i = 0; i < 11; i++) await throttle.begin('teacher', `10.0.0.${i}`).catch(() => undefined);
    await refusal(throttle.begin('teacher', '10.0.1.1'));
    store.now += LOGIN_THROTTLE.account.windowMs;
    await expect(throttle.begin('teacher', '10.0.1.1')).resolves.toBeDefined();
  });

  it('a successful sign-in clears the account counter and gives the address its attempt back', async () => {
    for (let i = 0; i < 9; i++) await throttle.begin('parent', '10.0.0.9');
    const ticket = await throttle.begin('parent', '10.0.0.9');
    await throttle.succeeded(ticket);
    expect(store.rows.has(accountKey('parent'))).toBe(false);
    expect(store.rows.get('addr:10.0.0.9')?.hits).toBe(9);
    for (let i = 0; i < 10; i++) await throttle.begin('parent', '10.0.0.9');
  });

  it('accounts are counted by lower-cased login, unknown logins alike', async () => {
    for (let i = 0; i < 10; i++) await throttle.begin(i % 2 ? 'NoSuchUser' : ' nosuchuser ', `10.1.0.${i}`);
    await refusal(throttle.begin('NOSUCHUSER', '10.1.0.99'));
  });

  it('101 attempts from one address within 10 minutes: the 101st waits, whatever the logins', async () => {
    for (let i = 0; i < 100; i++) {
      store.now += 1000;
      await throttle.begin(`user${i}`, '192.0.2.7');
    }
    const e = await refusal(throttle.begin('fresh-user', '192.0.2.7'));
    expect(e.retryAfter).toBe(retryAfterSeconds(LOGIN_THROTTLE.address.windowMs - 99_000));
    await expect(throttle.begin('fresh-user', '192.0.2.8')).resolves.toBeDefined();
  });

  it('Retry-After is whole seconds, at least 1', () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });

  it('when the primary store fails, the fallback counts', async () => {
    const broken: ThrottleStore = {
      hit: () => Promise.reject(new Error('redis down')),
      release: () => Promise.reject(new Error('redis down')),
      clear: () => Promise.reject(new Error('redis down')),
    };
    const withFallback = new LoginThrottle(broken, store);
    (withFallback as unknown as { logger: { warn: () => void } }).logger.warn = () => undefined;
    for (let i = 0; i < 10; i++) await withFallback.begin('director', '10.2.0.1');
    await refusal(withFallback.begin('director', '10.2.0.1'));
  });
});
