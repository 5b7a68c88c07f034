"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const app_module_1 = require("../app.module");
const configure_app_1 = require("../common/http/configure-app");
const openapi_document_1 = require("../common/http/openapi-document");
const app_config_1 = require("../config/app-config");
/**
 * Writes openapi/openapi.json from the code, without a database or a port (Nest preview mode).
 * `--stdout` prints it instead (the drift test compares the two).
 */
async function main() {
    const config = (0, app_config_1.loadConfig)({
        DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
        JWT_SECRET: 'preview-mode-secret-preview-mode-secret',
        LOG_LEVEL: 'silent',
    });
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(config), (0, configure_app_1.createFastifyAdapter)(config), {
        preview: true,
        logger: false,
        abortOnError: false,
    });
    (0, configure_app_1.applyApiPrefix)(app);
    const text = `${JSON.stringify((0, openapi_document_1.buildOpenApiDocument)(app), null, 2)}\n`;
    await app.close();
    if (process.argv.includes('--stdout')) {
        process.stdout.write(text);
    }
    else {
        const file = (0, node_path_1.resolve)(__dirname, '..', '..', 'openapi', 'openapi.json');
        (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(file), { recursive: true });
        (0, node_fs_1.writeFileSync)(file, text);
        process.stdout.write(`Wrote ${file}\n`);
    }
}
main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
//# sourceMappingURL=generate-openapi.js.map