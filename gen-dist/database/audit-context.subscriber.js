"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditContextSubscriber = void 0;
exports.setAuditContext = setAuditContext;
const typeorm_1 = require("typeorm");
const request_context_1 = require("../common/context/request-context");
/** Puts the acting user and request into the transaction-local setting read by the audit_row_change() trigger. */
async function setAuditContext(runner, context) {
    await runner.query(`SELECT set_config('ejournal.ctx', $1, true)`, [JSON.stringify(context)]);
}
/**
 * Every transaction opened inside a request (or a job, or the seeder) carries that context, so the database stamps
 * each audited write with who made it. A write outside such a transaction is refused by the trigger.
 */
let AuditContextSubscriber = class AuditContextSubscriber {
    async afterTransactionStart(event) {
        const context = (0, request_context_1.currentContext)();
        // only the outermost transaction: savepoints share its settings
        if (!context || event.queryRunner.transactionDepth !== 1)
            return;
        await setAuditContext(event.queryRunner, context);
    }
};
exports.AuditContextSubscriber = AuditContextSubscriber;
exports.AuditContextSubscriber = AuditContextSubscriber = __decorate([
    (0, typeorm_1.EventSubscriber)()
], AuditContextSubscriber);
//# sourceMappingURL=audit-context.subscriber.js.map