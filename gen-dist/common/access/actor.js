"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hasRole = hasRole;
function hasRole(actor, ...roles) {
    return actor.roles.some((r) => roles.includes(r));
}
//# sourceMappingURL=actor.js.map