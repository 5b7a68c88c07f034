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
exports.AuthService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const problem_1 = require("../../common/errors/problem");
const user_entity_1 = require("./entities/user.entity");
const password_hasher_1 = require("./password-hasher");
const token_service_1 = require("./token.service");
const USER_WITH_ROLES = `
  SELECT u.id, u.school_id, u.login, u.full_name, u.status, u.password_hash,
         coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
    FROM app_user u
    LEFT JOIN user_role r ON r.user_id = u.id`;
let AuthService = class AuthService {
    constructor(db, tokens) {
        this.db = db;
        this.tokens = tokens;
    }
    /** Checks the password; the answer never tells whether the login exists. */
    async login(dto) {
        const rows = await this.db.query(`${USER_WITH_ROLES} WHERE lower(u.login) = lower($1) GROUP BY u.id`, [dto.login.trim()]);
        const user = rows[0];
        const ok = await (0, password_hasher_1.verifyPassword)(user?.password_hash ?? (await (0, password_hasher_1.timingDummyHash)()), dto.password);
        if (!user || !ok || user.status !== user_entity_1.UserStatus.Active || !user.school_id || user.roles.length === 0) {
            throw new problem_1.ProblemError(401, 'invalid-credentials', 'Authentication failed', 'The login or password is incorrect');
        }
        const accessToken = await this.tokens.sign({ userId: user.id, schoolId: user.school_id, sessionId: (0, node_crypto_1.randomUUID)(), roles: user.roles });
        return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.accessTtl };
    }
    async me(actor) {
        const rows = await this.db.query(`${USER_WITH_ROLES} WHERE u.id = $1 AND u.school_id = $2 GROUP BY u.id`, [actor.userId, actor.schoolId]);
        const u = rows[0];
        if (!u)
            throw (0, problem_1.notFound)('User');
        return { id: u.id, login: u.login, fullName: u.full_name, schoolId: u.school_id, roles: u.roles };
    }
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        token_service_1.TokenService])
], AuthService);
//# sourceMappingURL=auth.service.js.map