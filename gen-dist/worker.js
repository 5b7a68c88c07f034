"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const nestjs_pino_1 = require("nestjs-pino");
const app_config_1 = require("./config/app-config");
const runtime_1 = require("./database/runtime");
const queue_name_1 = require("./jobs/queue-name");
const worker_module_1 = require("./worker.module");
/**
 * The worker: a Nest application context (no HTTP) that will run the BullMQ processors
 * (reports, forecasts, imports, notifications). It needs DATABASE_URL; SIGTERM/SIGINT close it gracefully.
 */
async function bootstrap() {
    const runtime = await (0, runtime_1.prepareRuntime)((0, app_config_1.loadConfig)(), (m) => process.stdout.write(`${m}\n`), { allowEmbedded: false });
    const app = await core_1.NestFactory.createApplicationContext(worker_module_1.WorkerModule.forRoot(runtime.config), { bufferLogs: true });
    app.useLogger(app.get(nestjs_pino_1.Logger));
    const logger = new common_1.Logger('Worker');
    let closing = false;
    const stop = async (signal) => {
        if (closing)
            return;
        closing = true;
        logger.log(`${signal}: finishing running jobs and stopping`);
        setTimeout(() => process.exit(1), 30_000).unref();
        await app.close();
        process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    await app.init();
    logger.log(runtime.config.REDIS_URL
        ? `Worker ready for the queues ${queue_name_1.ALL_QUEUES.join(', ')} (no processors are registered yet)`
        : 'Worker ready; REDIS_URL is not set, so there is no queue to take jobs from (the api runs them inline)');
}
bootstrap().catch((e) => {
    process.stderr.write(e instanceof app_config_1.ConfigError ? `${e.message}\n` : `Worker start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
//# sourceMappingURL=worker.js.map