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
exports.DemoSeeder = void 0;
exports.readablePassword = readablePassword;
exports.demoUsers = demoUsers;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const typeorm_2 = require("typeorm");
const role_1 = require("../../common/access/role");
const app_config_1 = require("../../config/app-config");
const generator_1 = require("./generator");
const seed_school_1 = require("./seed-school");
const SEED_LOCK = 727_274;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** A random password that is easy to type from a terminal: 4 groups of 4 (≈ 80 bits). */
function readablePassword() {
    const group = () => Array.from({ length: 4 }, () => ALPHABET[(0, node_crypto_1.randomInt)(ALPHABET.length)]).join('');
    return [group(), group(), group(), group()].join('-');
}
function fullName(p) {
    return `${p.surname} ${p.name} ${p.patronymic}`;
}
/** One demo user per role, named after people of the generated school. */
function demoUsers(g) {
    const staffWith = (position) => g.staff.find((s) => s.positions.some((p) => p.startsWith(position))) ?? g.staff[0];
    // a girl of grade 5 and her mother, who shares her (feminine) surname
    const student = g.students.find((s) => g.classes[s.classIndex]?.grade === 5 && s.gender === 'female') ?? g.students[0];
    const parent = { surname: student.surname, name: 'Елена', patronymic: 'Викторовна' };
    const people = [
        [role_1.Role.Admin, staffWith('Администратор')],
        [role_1.Role.Director, staffWith('Директор')],
        [role_1.Role.Deputy, staffWith('Заместитель директора по УВР')],
        [role_1.Role.Secretary, staffWith('Секретарь')],
        [role_1.Role.Teacher, staffWith('Учитель математики')],
        [role_1.Role.Parent, parent],
        [role_1.Role.Student, student],
    ];
    return people.map(([role, person]) => ({ login: role, password: readablePassword(), fullName: fullName(person), roles: [role] }));
}
/**
 * Seeds the demo school into an empty database (once, even with several instances starting together)
 * and remembers the demo logins in the embedded data folder so that every start can print them.
 */
let DemoSeeder = class DemoSeeder {
    constructor(db, config) {
        this.db = db;
        this.config = config;
    }
    get loginsFile() {
        return this.config.embeddedDatabase ? (0, node_path_1.resolve)(this.config.EMBEDDED_PG_DIR, 'demo-logins.json') : null;
    }
    async seedIfEmpty() {
        const created = await this.db.transaction(async (m) => {
            await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
            const [{ any }] = await m.query('SELECT EXISTS (SELECT 1 FROM school) AS any');
            if (any)
                return null;
            const g = (0, generator_1.generateSchool)({ seed: 1, startYear: (0, generator_1.currentAcademicStartYear)(new Date()), schoolNumber: 1 });
            const users = demoUsers(g);
            await (0, seed_school_1.seedSchool)(m, g, users);
            return users.map((u) => ({ login: u.login, password: u.password, role: u.roles[0] }));
        });
        if (!created)
            return this.storedLogins();
        if (this.loginsFile)
            (0, node_fs_1.writeFileSync)(this.loginsFile, JSON.stringify(created, null, 2), { mode: 0o600 });
        return created;
    }
    storedLogins() {
        const file = this.loginsFile;
        if (!file || !(0, node_fs_1.existsSync)(file))
            return [];
        return JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
    }
};
exports.DemoSeeder = DemoSeeder;
exports.DemoSeeder = DemoSeeder = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        app_config_1.AppConfig])
], DemoSeeder);
//# sourceMappingURL=demo-seeder.js.map