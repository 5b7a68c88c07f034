"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const app_config_1 = require("../../config/app-config");
const data_source_options_1 = require("../data-source-options");
const entities_1 = require("../entities");
const runtime_1 = require("../runtime");
const generator_1 = require("../seed/generator");
const demo_seeder_1 = require("../seed/demo-seeder");
const seed_school_1 = require("../seed/seed-school");
/**
 * `npm run seed -- --schools N [--password P]`: fills the database with N generated schools
 * («МБОУ СШ № 1» … «№ N»), each with one user per role (login `<role>.s<k>`); schools already there are skipped.
 */
function parseArgs(argv) {
    let schools = 1;
    let password;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--schools')
            schools = Number(argv[++i]);
        else if (argv[i] === '--password')
            password = argv[++i];
        else
            throw new app_config_1.ConfigError([`${argv[i]}: unknown argument (use --schools N [--password P])`]);
    }
    if (!Number.isInteger(schools) || schools < 1 || schools > 2000)
        throw new app_config_1.ConfigError(['--schools: must be a whole number from 1 to 2000']);
    if (password !== undefined && (password.length < 8 || password.length > 128))
        throw new app_config_1.ConfigError(['--password: must be 8–128 characters']);
    return { schools, password: password ?? (0, demo_seeder_1.readablePassword)() };
}
async function main() {
    const args = parseArgs(process.argv.slice(2));
    const config = (0, app_config_1.loadConfig)();
    const runtime = await (0, runtime_1.prepareRuntime)(config, (m) => process.stdout.write(`${m}\n`), { allowEmbedded: true });
    const ds = new typeorm_1.DataSource({ ...(0, data_source_options_1.dataSourceOptions)(config.DATABASE_URL, 2, 'ejournal-seed'), entities: entities_1.ENTITIES });
    try {
        await (0, runtime_1.runMigrations)(config.DATABASE_URL);
        await ds.initialize();
        const startYear = (0, generator_1.currentAcademicStartYear)(new Date());
        let created = 0;
        const started = Date.now();
        for (let k = 1; k <= args.schools; k++) {
            const g = (0, generator_1.generateSchool)({ seed: k, startYear, schoolNumber: k });
            const exists = await ds.query('SELECT 1 FROM app_user WHERE lower(login) = lower($1)', [`admin.s${k}`]);
            if (exists.length > 0)
                continue;
            await ds.transaction((m) => (0, seed_school_1.seedSchool)(m, g, (0, seed_school_1.schoolUsers)(g, k, args.password)));
            created++;
        }
        process.stdout.write(`Seeded ${created} school(s) in ${((Date.now() - started) / 1000).toFixed(1)} s (${args.schools - created} already there).\n` +
            (created > 0 ? `Logins: <role>.s<k> (e.g. admin.s1, teacher.s2), password: ${args.password}\n` : ''));
    }
    finally {
        if (ds.isInitialized)
            await ds.destroy();
        await runtime.embedded?.stop();
    }
}
main().catch((e) => {
    process.stderr.write(e instanceof app_config_1.ConfigError ? `${e.message}\n` : `Seeding failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
//# sourceMappingURL=seed.js.map