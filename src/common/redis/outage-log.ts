import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';

/** One warning when a Redis connection is lost and one line when it is back, not one per reconnect attempt. */
export class OutageLog {
  private down = false;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  error(e: Error): void {
    if (!this.down) this.logger.warn(`${this.what} is unreachable: ${e.message}`);
    this.down = true;
  }

  recovered(): void {
    if (this.down) this.logger.log(`${this.what} is reachable again`);
    this.down = false;
  }

  /** Listens to a connection's errors (an ioredis client without an error listener prints every one unhandled). */
  watch<C extends Redis>(client: C): C {
    client.on('error', (e: Error) => this.error(e));
    client.on('ready', () => this.recovered());
    return client;
  }
}
