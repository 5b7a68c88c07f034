"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const terminus_1 = require("@nestjs/terminus");
const access_decorator_1 = require("../../common/access/access.decorator");
const api_problems_decorator_1 = require("../../common/errors/api-problems.decorator");
const redis_module_1 = require("../../common/redis/redis.module");
let HealthController = class HealthController {
    constructor(health, db, indicators, redis) {
        this.health = health;
        this.db = db;
        this.indicators = indicators;
        this.redis = redis;
    }
    /** The process answers: for the orchestrator's liveness probe. Touches nothing else. */
    live() {
        return { status: 'ok' };
    }
    /** PostgreSQL answers (and Redis, when configured): for the load balancer's readiness probe. */
    ready() {
        const checks = [() => this.db.pingCheck('database', { timeout: 3000 })];
        const redis = this.redis;
        if (redis) {
            checks.push(async () => {
                const indicator = this.indicators.check('redis');
                let timer;
                try {
                    await Promise.race([
                        redis.ping(),
                        new Promise((_, reject) => {
                            timer = setTimeout(() => reject(new Error('timeout')), 3000);
                        }),
                    ]);
                    return indicator.up();
                }
                catch (e) {
                    return indicator.down({ message: e instanceof Error ? e.message : String(e) });
                }
                finally {
                    clearTimeout(timer);
                }
            });
        }
        return this.health.check(checks);
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, common_1.Get)('live'),
    (0, access_decorator_1.Public)(),
    (0, swagger_1.ApiOperation)({ operationId: 'getLiveness', summary: 'Liveness: the process is up' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], HealthController.prototype, "live", null);
__decorate([
    (0, common_1.Get)('ready'),
    (0, access_decorator_1.Public)(),
    (0, terminus_1.HealthCheck)({ swaggerDocumentation: false, noCache: true }),
    (0, swagger_1.ApiOperation)({ operationId: 'getReadiness', summary: 'Readiness: the database (and Redis, when configured) answer' }),
    (0, api_problems_decorator_1.ApiProblems)(503),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "ready", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('health'),
    (0, common_1.Controller)('health'),
    __param(3, (0, common_1.Inject)(redis_module_1.REDIS)),
    __metadata("design:paramtypes", [terminus_1.HealthCheckService,
        terminus_1.TypeOrmHealthIndicator,
        terminus_1.HealthIndicatorService, Object])
], HealthController);
//# sourceMappingURL=health.controller.js.map