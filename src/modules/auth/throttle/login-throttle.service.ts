import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemError } from '../../../common/errors/problem';
import { REDIS, RedisClient } from '../../../common/redis/redis.module';
import { AppConfig } from '../../../config/app-config';
import { PgThrottleStore } from './pg-throttle.store';
import { RedisThrottleStore } from './redis-throttle.store';
import { accountKey, addressKey, LOGIN_THROTTLE, retryAfterSeconds, ThrottleRule, ThrottleStore } from './throttle-rules';

/** 429 with Retry-After; the same answer whether or not the login exists. */
export class TooManyAttemptsError extends ProblemError {
  constructor(readonly retryAfter: number) {
    super(
      429,
      'too-many-attempts',
      'Too many attempts',
      'Too many failed sign-in attempts; try again later',
      undefined,
      { retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  }
}

/** The counters one attempt touched; hand it back with the outcome. */
export interface ThrottleTicket {
  readonly account: string;
  readonly address: string;
}

/**
 * Counts sign-in attempts per account and per client address before the password is checked, and refuses with
 * 429 `too-many-attempts` once a limit is passed (a correct password waits too). When the primary store fails
 * (Redis down), the fallback store (PostgreSQL) answers for that call.
 */
export class LoginThrottle {
  protected readonly logger = new Logger('LoginThrottle');

  constructor(
    private readonly primary: ThrottleStore,
    private readonly fallback: ThrottleStore | null,
    private readonly rules: { account: ThrottleRule; address: ThrottleRule } = LOGIN_THROTTLE,
  ) {}

  /** Counts the attempt; throws TooManyAttemptsError when the account or the address is over its limit. */
  async begin(login: string, ip: string | null | undefined): Promise<ThrottleTicket> {
    const ticket = { account: accountKey(login), address: addressKey(ip) };
    const [account, address] = await Promise.all([
      this.use((s) => s.hit(ticket.account, this.rules.account.windowMs)),
      this.use((s) => s.hit(ticket.address, this.rules.address.windowMs)),
    ]);
    const waits: number[] = [];
    if (account.hits > this.rules.account.limit) waits.push(account.resetInMs);
    if (address.hits > this.rules.address.limit) waits.push(address.resetInMs);
    if (waits.length > 0) throw new TooManyAttemptsError(retryAfterSeconds(Math.max(...waits)));
    return ticket;
  }

  /** The password was right: the account starts afresh, the address gets its attempt back. */
  async succeeded(ticket: ThrottleTicket): Promise<void> {
    await Promise.all([this.use((s) => s.clear(ticket.account)), this.use((s) => s.release(ticket.address))]);
  }

  /**
   * Counts an attempt at another secret (an invitation code) for the client address alone, under a key of its own
   * (`<scope>:addr:<ip>`), before the secret is looked at; throws TooManyAttemptsError past `rule`. Returns the key
   * to hand to releaseAddress() when the attempt succeeded.
   */
  async beginForAddress(scope: string, ip: string | null | undefined, rule: ThrottleRule): Promise<string> {
    const key = `${scope}:${addressKey(ip)}`;
    const count = await this.use((s) => s.hit(key, rule.windowMs));
    if (count.hits > rule.limit) throw new TooManyAttemptsError(retryAfterSeconds(count.resetInMs));
    return key;
  }

  /** The attempt counted by beginForAddress() succeeded: the address gets it back. */
  async releaseAddress(key: string): Promise<void> {
    await this.use((s) => s.release(key));
  }

  /** Forgets an account's failures (an admin reset its password). */
  async clearAccount(login: string): Promise<void> {
    await this.use((s) => s.clear(accountKey(login)));
  }

  private async use<T>(fn: (store: ThrottleStore) => Promise<T>): Promise<T> {
    if (!this.fallback) return fn(this.primary);
    try {
      return await fn(this.primary);
    } catch (e) {
      this.logger.warn({ err: e }, 'Redis unavailable for the login throttle; counting in PostgreSQL');
      return fn(this.fallback);
    }
  }
}

/** The application's throttle: Redis (REDIS_URL, keys under REDIS_PREFIX) when configured, PostgreSQL otherwise. */
@Injectable()
export class LoginThrottleService extends LoginThrottle {
  readonly storeKind: 'redis' | 'postgres';

  constructor(@InjectDataSource() db: DataSource, @Inject(REDIS) redis: RedisClient, config: AppConfig) {
    const pg = new PgThrottleStore(db);
    super(redis ? new RedisThrottleStore(redis, config.REDIS_PREFIX) : pg, redis ? pg : null);
    this.storeKind = redis ? 'redis' : 'postgres';
  }
}
