"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
const _1795860701164_init_1 = require("./1795860701164-init");
const _1796100000000_audit_trail_1 = require("./1796100000000-audit-trail");
/** Every migration, in order. A migration that has landed is never edited; add a new one. */
exports.MIGRATIONS = [_1795860701164_init_1.Init1795860701164, _1796100000000_audit_trail_1.AuditTrail1796100000000];
//# sourceMappingURL=index.js.map