"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const nestjs_pino_1 = require("nestjs-pino");
const request_context_interceptor_1 = require("./common/context/request-context.interceptor");
const problem_exception_filter_1 = require("./common/errors/problem-exception.filter");
const logger_options_1 = require("./common/http/logger-options");
const redis_module_1 = require("./common/redis/redis.module");
const validation_pipe_1 = require("./common/validation/validation.pipe");
const config_module_1 = require("./config/config.module");
const database_module_1 = require("./database/database.module");
const seed_module_1 = require("./database/seed/seed.module");
const audit_module_1 = require("./modules/audit/audit.module");
const auth_module_1 = require("./modules/auth/auth.module");
const health_module_1 = require("./modules/health/health.module");
const school_module_1 = require("./modules/school/school.module");
/** The HTTP API. */
let AppModule = AppModule_1 = class AppModule {
    static forRoot(config) {
        return {
            module: AppModule_1,
            imports: [
                config_module_1.ConfigModule.forRoot(config),
                nestjs_pino_1.LoggerModule.forRoot((0, logger_options_1.loggerOptions)(config)),
                (0, database_module_1.databaseModule)(config, 'ejournal-api'),
                redis_module_1.RedisModule,
                health_module_1.HealthModule,
                audit_module_1.AuditModule,
                auth_module_1.AuthModule,
                school_module_1.SchoolModule,
                seed_module_1.SeedModule,
            ],
            providers: [
                { provide: core_1.APP_FILTER, useClass: problem_exception_filter_1.ProblemExceptionFilter },
                { provide: core_1.APP_PIPE, useFactory: validation_pipe_1.createValidationPipe },
                { provide: core_1.APP_INTERCEPTOR, useClass: request_context_interceptor_1.RequestContextInterceptor },
            ],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
//# sourceMappingURL=app.module.js.map