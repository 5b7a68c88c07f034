import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { OutageLog } from './outage-log';

export const REDIS = Symbol('REDIS');

/** The shared ioredis connection, or null when REDIS_URL is not configured. */
export type RedisClient = Redis | null;

/**
 * The shared connection: commands fail fast while Redis is away (callers fall back, e.g. the login throttle to
 * PostgreSQL), it reconnects by itself, and an outage is logged once when it starts and once when it ends.
 */
export function createRedisClient(url: string): Redis {
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  return new OutageLog(new Logger('Redis'), 'Redis').watch(client);
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): RedisClient => (config.REDIS_URL ? createRedisClient(config.REDIS_URL) : null),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
