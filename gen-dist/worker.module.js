"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var WorkerModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerModule = void 0;
const common_1 = require("@nestjs/common");
const nestjs_pino_1 = require("nestjs-pino");
const logger_options_1 = require("./common/http/logger-options");
const redis_module_1 = require("./common/redis/redis.module");
const config_module_1 = require("./config/config.module");
const database_module_1 = require("./database/database.module");
/** The worker's modules: configuration, logs, database, Redis. Job processors join here. */
let WorkerModule = WorkerModule_1 = class WorkerModule {
    static forRoot(config) {
        return {
            module: WorkerModule_1,
            imports: [config_module_1.ConfigModule.forRoot(config), nestjs_pino_1.LoggerModule.forRoot((0, logger_options_1.loggerOptions)(config)), (0, database_module_1.databaseModule)(config, 'ejournal-worker'), redis_module_1.RedisModule],
        };
    }
};
exports.WorkerModule = WorkerModule;
exports.WorkerModule = WorkerModule = WorkerModule_1 = __decorate([
    (0, common_1.Module)({})
], WorkerModule);
//# sourceMappingURL=worker.module.js.map