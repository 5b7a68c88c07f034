import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

/**
 * Every environment variable the service reads, validated once at start-up.
 * `.env.example` documents the same list; a test keeps the two in step.
 */
export class AppConfig {
  /** development | production | test */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Address the HTTP server binds to. */
  @IsString()
  HOST = '0.0.0.0';

  /** HTTP port. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL connection URL; when empty, `npm start` runs an embedded PostgreSQL in EMBEDDED_PG_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Connections in the pool of each process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Data folder of the embedded PostgreSQL (used only without DATABASE_URL). */
  @IsString()
  @MinLength(1)
  EMBEDDED_PG_DIR = './.data';

  /** Port of the embedded PostgreSQL (used only without DATABASE_URL). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Redis URL for the job queues and shared counters; when empty, jobs run inside the api process. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of every Redis key this deployment writes (queues, login throttle counters), so that several deployments can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9:._-]{1,64}$/, { message: 'must be 1-64 characters of A-Z a-z 0-9 : . _ -' })
  REDIS_PREFIX = 'ejournal';

  /** Jobs one worker process runs at once, per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  JOB_CONCURRENCY = 2;

  /** On SIGTERM, how long the worker lets running jobs finish before it stops them (they are retried later). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  JOB_SHUTDOWN_TIMEOUT_MS = 25_000;

  /** How long a worker's lock on a running job lasts; a job whose worker died is run again after about twice this. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  JOB_LOCK_DURATION_MS = 30_000;

  /** How often the relay puts jobs that never reached Redis on their queue. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  JOB_RELAY_INTERVAL_MS = 5000;

  /** Testing only: a pause after each page of 500 rows of an audit export, to make a job slow on purpose. Keep 0. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  AUDIT_EXPORT_PAGE_DELAY_MS = 0;

  /**
   * Safety threshold of the class-list import: the largest share (0–1) of a class's current students that one import
   * may create, transfer, depart or change without `confirm=true`. A class with no students yet is exempt.
   */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value)
  @IsNumber()
  @Min(0)
  @Max(1)
  IMPORT_MAX_CHANGE_SHARE = 0.3;

  /** Largest accepted import file (XLSX or CSV) in bytes; the import routes take bodies up to this size. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;

  /** Secret that signs access tokens (at least 32 characters). Generated into EMBEDDED_PG_DIR when the embedded database is used. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  @MaxLength(512)
  JWT_SECRET?: string;

  /** Lifetime of an access token in seconds (at most 15 minutes: a signed-out device keeps it no longer). */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(900)
  JWT_ACCESS_TTL = 900;

  /** Absolute lifetime of a session (its refresh tokens) in days: after it the user signs in again. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TTL_DAYS = 30;

  /** How many days an invitation code (пригласительный код) stays valid after it is issued. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  INVITATION_TTL_DAYS = 30;

  /** Comma-separated list of origins allowed by CORS; empty means no cross-origin access. */
  @IsString()
  CORS_ORIGINS = '';

  /** Largest accepted request body in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT = 1024 * 1024;

  /** pino log level. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Trust X-Forwarded-* headers from a reverse proxy (client address for logs and audit). */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Seed the demo school into an empty database. Defaults to true with the embedded database, false otherwise. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO?: boolean;

  /** Not a variable: set at start-up when this process runs the embedded PostgreSQL. */
  embeddedDatabase = false;

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const source: Record<string, string> = {};
  for (const key of CONFIG_VARIABLES) {
    const value = env[key];
    // an empty variable means "not set": the default applies
    if (value !== undefined && value.trim() !== '') source[key] = value;
  }
  const config = plainToInstance(AppConfig, source, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const shown = e.property === 'JWT_SECRET' || e.property === 'DATABASE_URL' || e.property === 'REDIS_URL'
          ? '(value hidden)'
          : JSON.stringify(e.value);
        return `${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return config;
}

/** Names of all variables, for the .env.example check. */
export const CONFIG_VARIABLES = [
  'NODE_ENV', 'HOST', 'PORT', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT',
  'REDIS_URL', 'REDIS_PREFIX', 'JOB_CONCURRENCY', 'JOB_SHUTDOWN_TIMEOUT_MS', 'JOB_LOCK_DURATION_MS', 'JOB_RELAY_INTERVAL_MS',
  'AUDIT_EXPORT_PAGE_DELAY_MS', 'IMPORT_MAX_CHANGE_SHARE', 'IMPORT_MAX_FILE_BYTES', 'JWT_SECRET', 'JWT_ACCESS_TTL', 'REFRESH_TTL_DAYS', 'INVITATION_TTL_DAYS', 'CORS_ORIGINS', 'BODY_LIMIT', 'LOG_LEVEL', 'TRUST_PROXY', 'SEED_DEMO',
] as const;
