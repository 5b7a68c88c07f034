"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const app_config_1 = require("../../config/app-config");
const runtime_1 = require("../runtime");
/** `npm run migration:run`: applies pending migrations to DATABASE_URL (or to the embedded database) and exits. */
async function main() {
    const config = (0, app_config_1.loadConfig)();
    const runtime = await (0, runtime_1.prepareRuntime)(config, (m) => process.stdout.write(`${m}\n`), { allowEmbedded: true });
    try {
        const applied = await (0, runtime_1.runMigrations)(config.DATABASE_URL);
        process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations\n');
    }
    finally {
        await runtime.embedded?.stop();
    }
}
main().catch((e) => {
    process.stderr.write(e instanceof app_config_1.ConfigError ? `${e.message}\n` : `Migration failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
//# sourceMappingURL=migrate.js.map