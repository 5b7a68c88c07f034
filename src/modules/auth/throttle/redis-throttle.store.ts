import type Redis from 'ioredis';
import { ThrottleCount, ThrottleStore } from './throttle-rules';

/** INCR, and PEXPIRE when the INCR opened the window; atomic as one script. Returns { hits, ms left }. */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { hits, ttl }`;

/** DECR only while the window is open and above zero, so that a late release never leaves a key without expiry. */
const RELEASE = `
if redis.call('PTTL', KEYS[1]) > 0 and tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0`;

/** Counters in Redis under `<REDIS_PREFIX>:login-throttle:<key>`, expiring with their window. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private k(key: string): string {
    return `${this.prefix}:login-throttle:${key}`;
  }

  async hit(key: string, windowMs: number): Promise<ThrottleCount> {
    const [hits, ttl] = (await this.redis.eval(HIT, 1, this.k(key), String(windowMs))) as [number, number];
    return { hits: Number(hits), resetInMs: Number(ttl) };
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.k(key));
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }
}
