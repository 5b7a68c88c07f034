import { AppConfig, ConfigError, loadConfig } from './app-config';

const SECRET = 's'.repeat(40);

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('applies the defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toBeInstanceOf(AppConfig);
    expect(config.PORT).toBe(3000);
    expect(config.JWT_ACCESS_TTL).toBe(900);
    expect(config.BODY_LIMIT).toBe(1048576);
    expect(config.EMBEDDED_PG_PORT).toBe(54329);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.NODE_ENV).toBe('development');
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.TRUST_PROXY).toBe(false);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBeUndefined();
    expect(config.SEED_DEMO).toBeUndefined();
    expect(config.corsOrigins).toEqual([]);
    expect(config.REDIS_PREFIX).toBe('ejournal');
    expect(config.JOB_CONCURRENCY).toBe(2);
    expect(config.JOB_SHUTDOWN_TIMEOUT_MS).toBe(25_000);
    expect(config.JOB_LOCK_DURATION_MS).toBe(30_000);
    expect(config.JOB_RELAY_INTERVAL_MS).toBe(5000);
    expect(config.AUDIT_EXPORT_PAGE_DELAY_MS).toBe(0);
  });

  it('reads set variables and turns numbers into numbers', () => {
    const config = loadConfig({
      PORT: '8080',
      JWT_ACCESS_TTL: '60',
      DATABASE_URL: 'postgresql://user:pw@db:5432/ejournal',
      REDIS_URL: 'rediss://cache:6380',
      JWT_SECRET: SECRET,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    });
    expect(config.PORT).toBe(8080);
    expect(config.JWT_ACCESS_TTL).toBe(60);
    expect(config.DATABASE_URL).toBe('postgresql://user:pw@db:5432/ejournal');
    expect(config.REDIS_URL).toBe('rediss://cache:6380');
    expect(config.JWT_SECRET).toBe(SECRET);
    expect(config.NODE_ENV).toBe('production');
    expect(config.LOG_LEVEL).toBe('warn');
  });

  it('ignores variables it does not know', () => {
    const config = loadConfig({ PATH: '/usr/bin', HOME: '/root' }) as unknown as Record<string, unknown>;
    expect(config.PATH).toBeUndefined();
    expect(config.HOME).toBeUndefined();
  });

  describe('a bad variable stops start-up with a message naming it', () => {
    it('PORT that is not a number', () => {
      const e = configError({ PORT: 'eighty' });
      expect(e.message).toContain('PORT');
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0]).toMatch(/^PORT="eighty": /);
    });

    it('PORT out of range', () => {
      expect(configError({ PORT: '70000' }).message).toContain('PORT');
    });

    it('DATABASE_URL that is not PostgreSQL, without printing the URL', () => {
      const url = 'mysql://root:hunter2@db/app';
      const e = configError({ DATABASE_URL: url });
      expect(e.message).toContain('DATABASE_URL');
      expect(e.message).toContain('postgres://');
      expect(e.message).not.toContain(url);
      expect(e.message).not.toContain('hunter2');
      expect(e.message).toContain('(value hidden)');
    });

    it('REDIS_URL that is not Redis, without printing the URL', () => {
      const e = configError({ REDIS_URL: 'http://secret-host:6379' });
      expect(e.message).toContain('REDIS_URL');
      expect(e.message).not.toContain('secret-host');
    });

    it('JWT_SECRET too short, without printing the value', () => {
      const secret = 'tooShortSecret123';
      const e = configError({ JWT_SECRET: secret });
      expect(e.message).toContain('JWT_SECRET');
      expect(e.message).not.toContain(secret);
      expect(e.message).toMatch(/32/);
    });

    it('REDIS_PREFIX with characters outside A-Z a-z 0-9 : . _ - (or longer than 64)', () => {
      expect(configError({ REDIS_PREFIX: 'ej journal' }).message).toContain('REDIS_PREFIX');
      expect(configError({ REDIS_PREFIX: 'x'.repeat(65) }).message).toContain('REDIS_PREFIX');
    });

    it('a job shutdown timeout or lock duration out of range', () => {
      expect(configError({ JOB_SHUTDOWN_TIMEOUT_MS: '-1' }).message).toContain('JOB_SHUTDOWN_TIMEOUT_MS');
      expect(configError({ JOB_LOCK_DURATION_MS: '10' }).message).toContain('JOB_LOCK_DURATION_MS');
    });

    it('a value outside an enumeration', () => {
      const e = configError({ LOG_LEVEL: 'verbose' });
      expect(e.message).toContain('LOG_LEVEL');
      expect(e.message).toContain('"verbose"');
    });

    it('a boolean that is not one', () => {
      expect(configError({ TRUST_PROXY: 'maybe' }).message).toContain('TRUST_PROXY');
    });

    it('the error is named ConfigError', () => {
      expect(configError({ PORT: 'x' }).name).toBe('ConfigError');
    });
  });

  it('identity settings: REFRESH_TTL_DAYS 1–365 (default 30), JWT_ACCESS_TTL at most 900, REDIS_PREFIX a key-safe word', () => {
    const defaults = loadConfig({});
    expect(defaults.REFRESH_TTL_DAYS).toBe(30);
    expect(defaults.REDIS_PREFIX).toBe('ejournal');
    const set = loadConfig({ REFRESH_TTL_DAYS: '7', REDIS_PREFIX: 'region-24:prod' });
    expect(set.REFRESH_TTL_DAYS).toBe(7);
    expect(set.REDIS_PREFIX).toBe('region-24:prod');
    for (const env of [{ REFRESH_TTL_DAYS: '0' }, { REFRESH_TTL_DAYS: '366' }, { JWT_ACCESS_TTL: '901' }, { REDIS_PREFIX: 'has space' }]) {
      expect(configError(env).message).toContain(Object.keys(env)[0]);
    }
  });

  it('several bad variables are all named', () => {
    const e = configError({ PORT: 'eighty', JWT_ACCESS_TTL: '5', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(e.problems).toHaveLength(4);
    for (const name of ['PORT', 'JWT_ACCESS_TTL', 'LOG_LEVEL', 'DATABASE_URL']) {
      expect(e.message).toContain(name);
      expect(e.problems.some((p) => p.startsWith(`${name}=`))).toBe(true);
    }
  });

  it('an empty variable means not set', () => {
    const config = loadConfig({ PORT: '', SEED_DEMO: '', DATABASE_URL: '   ', JWT_SECRET: '', LOG_LEVEL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.SEED_DEMO).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBeUndefined();
    expect(config.LOG_LEVEL).toBe('info');
  });

  it.each([
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['TRUE', true],
    [' yes ', true],
    ['off', false],
  ])('the boolean %j reads as %s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(expected);
    expect(loadConfig({ SEED_DEMO: value }).SEED_DEMO).toBe(expected);
  });

  it('corsOrigins splits and trims the list, dropping empty entries', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.ru, https://b.ru ,' }).corsOrigins).toEqual(['https://a.ru', 'https://b.ru']);
    expect(loadConfig({ CORS_ORIGINS: 'https://only.ru' }).corsOrigins).toEqual(['https://only.ru']);
  });
});
