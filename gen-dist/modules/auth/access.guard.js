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
exports.AccessGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const access_decorator_1 = require("../../common/access/access.decorator");
const problem_1 = require("../../common/errors/problem");
const token_service_1 = require("./token.service");
/**
 * The global guard: default-deny. A route that declares neither @Access(...) nor @Public() is refused,
 * a missing or invalid token is 401, a role outside the declaration is 403.
 */
let AccessGuard = class AccessGuard {
    constructor(reflector, tokens) {
        this.reflector = reflector;
        this.tokens = tokens;
    }
    async canActivate(context) {
        const rule = this.reflector.getAllAndOverride(access_decorator_1.ACCESS_METADATA, [
            context.getHandler(),
            context.getClass(),
        ]);
        if (!rule) {
            throw new problem_1.ProblemError(403, 'access-not-declared', 'Forbidden', 'This route declares no access rule and is refused');
        }
        if (rule.kind === 'public')
            return true;
        const request = context.switchToHttp().getRequest();
        const header = request.headers.authorization;
        const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header) : null;
        if (!match) {
            throw new problem_1.ProblemError(401, 'unauthenticated', 'Authentication required', 'Send a valid access token as "Authorization: Bearer …"');
        }
        const actor = await this.tokens.verify(match[1]);
        if (!actor) {
            throw new problem_1.ProblemError(401, 'invalid-token', 'Authentication required', 'The access token is invalid or expired');
        }
        if (!actor.roles.some((r) => rule.roles.includes(r))) {
            throw new problem_1.ProblemError(403, 'forbidden', 'Forbidden', 'Your role may not perform this operation');
        }
        request.actor = actor;
        return true;
    }
};
exports.AccessGuard = AccessGuard;
exports.AccessGuard = AccessGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        token_service_1.TokenService])
], AccessGuard);
//# sourceMappingURL=access.guard.js.map