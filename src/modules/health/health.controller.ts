import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../../common/access/access.decorator';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { REDIS, RedisClient } from '../../common/redis/redis.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** The process answers: for the orchestrator's liveness probe. Touches nothing else. */
  @Get('live')
  @Public()
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL answers (and Redis, when configured): for the load balancer's readiness probe. */
  @Get('ready')
  @Public()
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: the database (and Redis, when configured) answer' })
  @ApiProblems(503)
  ready(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout: 3000 })];
    const redis = this.redis;
    if (redis) {
      checks.push(async () => {
        const indicator = this.indicators.check('redis');
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            redis.ping(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('timeout')), 3000);
            }),
          ]);
          return indicator.up();
        } catch (e) {
          return indicator.down({ message: e instanceof Error ? e.message : String(e) });
        } finally {
          clearTimeout(timer);
        }
      });
    }
    return this.health.check(checks);
  }
}
