"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runWithContext = runWithContext;
exports.currentContext = currentContext;
exports.systemContext = systemContext;
const node_async_hooks_1 = require("node:async_hooks");
const storage = new node_async_hooks_1.AsyncLocalStorage();
function runWithContext(context, fn) {
    return storage.run(context, fn);
}
function currentContext() {
    return storage.getStore();
}
/** Context for work that no user asked for directly (seeding, job processors, maintenance). */
function systemContext(system, schoolId = null) {
    return { userId: null, schoolId, roles: [], sessionId: null, ip: null, requestId: null, system };
}
//# sourceMappingURL=request-context.js.map