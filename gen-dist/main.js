"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const swagger_1 = require("@nestjs/swagger");
const app_module_1 = require("./app.module");
const configure_app_1 = require("./common/http/configure-app");
const openapi_document_1 = require("./common/http/openapi-document");
const app_config_1 = require("./config/app-config");
const runtime_1 = require("./database/runtime");
const demo_seeder_1 = require("./database/seed/demo-seeder");
const say = (m) => process.stdout.write(`${m}\n`);
/** Migrations: applied automatically to the embedded database; with DATABASE_URL they are `npm run migration:run`'s job. */
async function ensureSchema(runtime) {
    const url = runtime.config.DATABASE_URL;
    if (runtime.embedded) {
        const applied = await (0, runtime_1.runMigrations)(url);
        if (applied.length > 0)
            say(`Applied migrations: ${applied.join(', ')}`);
    }
    else if (await (0, runtime_1.hasPendingMigrations)(url)) {
        throw new app_config_1.ConfigError(['DATABASE_URL: the database lacks migrations of this version; run "npm run migration:run" first']);
    }
}
async function createApi(config) {
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(config), (0, configure_app_1.createFastifyAdapter)(config), {
        bufferLogs: true,
    });
    await (0, configure_app_1.configureApp)(app, config);
    swagger_1.SwaggerModule.setup('docs', app, () => (0, openapi_document_1.buildOpenApiDocument)(app), {
        jsonDocumentUrl: 'docs/openapi.json',
        customSiteTitle: 'Электронный журнал — API',
    });
    return app;
}
function printBanner(runtime, logins) {
    const { config } = runtime;
    const base = `http://localhost:${config.PORT}`;
    say('');
    say(`Электронный журнал is running at ${base}`);
    say(`  API:        ${base}/api/v1`);
    say(`  Swagger UI: ${base}/docs`);
    say(`  Health:     ${base}/health/ready`);
    if (runtime.embedded)
        say(`  Database:   embedded PostgreSQL, data in ${config.EMBEDDED_PG_DIR}`);
    if (logins.length > 0) {
        say('  Demo logins (login / password / role):');
        for (const l of logins)
            say(`    ${l.login.padEnd(12)} ${l.password.padEnd(24)} ${l.role}`);
    }
    say('');
}
async function bootstrap() {
    const runtime = await (0, runtime_1.prepareRuntime)((0, app_config_1.loadConfig)(), say, { allowEmbedded: true });
    let app;
    let closing = false;
    const stop = async (signal) => {
        if (closing)
            return;
        closing = true;
        say(`${signal}: stopping`);
        setTimeout(() => process.exit(1), 15_000).unref();
        await app?.close().catch(() => undefined);
        await runtime.embedded?.stop().catch(() => undefined);
        process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    try {
        await ensureSchema(runtime);
        app = await createApi(runtime.config);
        const logins = runtime.seedDemo ? await app.get(demo_seeder_1.DemoSeeder).seedIfEmpty() : [];
        await app.listen({ port: runtime.config.PORT, host: runtime.config.HOST });
        printBanner(runtime, logins);
    }
    catch (e) {
        await app?.close().catch(() => undefined);
        await runtime.embedded?.stop().catch(() => undefined);
        throw e;
    }
}
bootstrap().catch((e) => {
    process.stderr.write(e instanceof app_config_1.ConfigError ? `${e.message}\n` : `Start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
//# sourceMappingURL=main.js.map