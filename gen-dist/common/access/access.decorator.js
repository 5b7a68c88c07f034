"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentActor = exports.BEARER_SCHEME = exports.ACCESS_METADATA = void 0;
exports.Access = Access;
exports.Public = Public;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const api_problems_decorator_1 = require("../errors/api-problems.decorator");
exports.ACCESS_METADATA = 'ejournal:access';
exports.BEARER_SCHEME = 'bearer';
/**
 * Declares who may call a route: the roles, checked by the global AccessGuard before the handler.
 * Relationship checks (same school, own child, own class) are the service's, in SQL.
 * Also writes the Swagger security requirement and the 401/403 answers.
 */
function Access(...roles) {
    if (roles.length === 0)
        throw new Error('@Access() needs at least one role; use @Public() for open routes');
    const rule = { kind: 'roles', roles };
    return (0, common_1.applyDecorators)((0, common_1.SetMetadata)(exports.ACCESS_METADATA, rule), (0, swagger_1.ApiBearerAuth)(exports.BEARER_SCHEME), (0, swagger_1.ApiExtension)('x-roles', [...roles]), (0, api_problems_decorator_1.ApiProblems)(401, 403));
}
/** Marks a route as open to anyone, explicitly (the guard refuses routes that declare nothing). */
function Public() {
    const rule = { kind: 'public' };
    return (0, common_1.applyDecorators)((0, common_1.SetMetadata)(exports.ACCESS_METADATA, rule), (0, swagger_1.ApiExtension)('x-public', true));
}
/** The acting user, set by the AccessGuard. */
exports.CurrentActor = (0, common_1.createParamDecorator)((_, ctx) => {
    const request = ctx.switchToHttp().getRequest();
    if (!request.actor)
        throw new Error('CurrentActor used on a route without @Access()');
    return request.actor;
});
//# sourceMappingURL=access.decorator.js.map