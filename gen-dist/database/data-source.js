"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const data_source_options_1 = require("./data-source-options");
const entities_1 = require("./entities");
/** For the TypeORM CLI (`npm run migration:generate`): needs DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url)
    throw new Error('DATABASE_URL is required for the TypeORM CLI');
exports.default = new typeorm_1.DataSource({ ...(0, data_source_options_1.dataSourceOptions)(url), entities: entities_1.ENTITIES });
//# sourceMappingURL=data-source.js.map