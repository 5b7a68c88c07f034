"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.databaseModule = databaseModule;
const typeorm_1 = require("@nestjs/typeorm");
const data_source_options_1 = require("./data-source-options");
/** The database connection every process shares: api, worker, seed. */
function databaseModule(config, applicationName) {
    if (!config.DATABASE_URL)
        throw new Error('DATABASE_URL must be resolved before the application starts');
    return typeorm_1.TypeOrmModule.forRoot({
        ...(0, data_source_options_1.dataSourceOptions)(config.DATABASE_URL, config.DATABASE_POOL_SIZE, applicationName),
        autoLoadEntities: true,
    });
}
//# sourceMappingURL=database.module.js.map