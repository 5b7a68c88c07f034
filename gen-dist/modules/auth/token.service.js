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
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenService = exports.TOKEN_AUDIENCE = exports.TOKEN_ISSUER = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const role_1 = require("../../common/access/role");
const app_config_1 = require("../../config/app-config");
exports.TOKEN_ISSUER = 'ejournal';
exports.TOKEN_AUDIENCE = 'ejournal-api';
/** Signs and verifies the short-lived access tokens (HS256). */
let TokenService = class TokenService {
    constructor(jwt, config) {
        this.jwt = jwt;
        this.config = config;
    }
    get accessTtl() {
        return this.config.JWT_ACCESS_TTL;
    }
    sign(actor) {
        const claims = { sub: actor.userId, sch: actor.schoolId, sid: actor.sessionId, roles: actor.roles };
        return this.jwt.signAsync(claims, {
            expiresIn: this.config.JWT_ACCESS_TTL,
            issuer: exports.TOKEN_ISSUER,
            audience: exports.TOKEN_AUDIENCE,
            algorithm: 'HS256',
        });
    }
    /** The actor of a valid token, or null for anything else (expired, forged, malformed). */
    async verify(token) {
        try {
            const c = await this.jwt.verifyAsync(token, {
                issuer: exports.TOKEN_ISSUER,
                audience: exports.TOKEN_AUDIENCE,
                algorithms: ['HS256'],
            });
            if (typeof c.sub !== 'string' || typeof c.sid !== 'string' || !Array.isArray(c.roles))
                return null;
            if (c.sch !== null && typeof c.sch !== 'string')
                return null;
            const roles = c.roles.filter((r) => role_1.ALL_ROLES.includes(r));
            return { userId: c.sub, schoolId: c.sch, sessionId: c.sid, roles };
        }
        catch {
            return null;
        }
    }
};
exports.TokenService = TokenService;
exports.TokenService = TokenService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [jwt_1.JwtService,
        app_config_1.AppConfig])
], TokenService);
//# sourceMappingURL=token.service.js.map