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
exports.AuditEvent = exports.AuditOutcome = void 0;
const typeorm_1 = require("typeorm");
var AuditOutcome;
(function (AuditOutcome) {
    AuditOutcome["Success"] = "success";
    AuditOutcome["Failure"] = "failure";
    AuditOutcome["Denied"] = "denied";
})(AuditOutcome || (exports.AuditOutcome = AuditOutcome = {}));
/**
 * One line of the audit trail (журнал действий). Append-only in the database: triggers refuse UPDATE, DELETE and
 * TRUNCATE. Row writes of audited tables are recorded by the `audit_row_change()` trigger in the same transaction
 * (so a write whose audit row fails is rolled back); sign-ins, sessions and personal-data reads by AuditService.
 */
let AuditEvent = class AuditEvent {
};
exports.AuditEvent = AuditEvent;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }),
    __metadata("design:type", String)
], AuditEvent.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', default: () => 'clock_timestamp()' }),
    __metadata("design:type", Date)
], AuditEvent.prototype, "occurredAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "schoolId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "actorUserId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], AuditEvent.prototype, "actorRoles", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "sessionId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40 }),
    __metadata("design:type", String)
], AuditEvent.prototype, "action", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 10, default: AuditOutcome.Success }),
    __metadata("design:type", String)
], AuditEvent.prototype, "outcome", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 60, nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "entity", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "entityId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "subjectPersonId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "changes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "clientIp", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "requestId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 60, nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "system", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], AuditEvent.prototype, "details", void 0);
exports.AuditEvent = AuditEvent = __decorate([
    (0, typeorm_1.Entity)('audit_event'),
    (0, typeorm_1.Index)('ix_audit_event_school_time', ['schoolId', 'occurredAt', 'id']),
    (0, typeorm_1.Index)('ix_audit_event_actor_time', ['actorUserId', 'occurredAt']),
    (0, typeorm_1.Index)('ix_audit_event_subject_time', ['subjectPersonId', 'occurredAt']),
    (0, typeorm_1.Check)('ck_audit_event_outcome', `"outcome" IN ('success', 'failure', 'denied')`)
], AuditEvent);
//# sourceMappingURL=audit-event.entity.js.map