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
exports.AuditService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const request_context_1 = require("../../common/context/request-context");
const audit_action_1 = require("./audit-action");
const audit_event_entity_1 = require("./entities/audit-event.entity");
const INSERT = `
  INSERT INTO audit_event (school_id, actor_user_id, actor_roles, session_id, action, outcome, entity, entity_id,
                           subject_person_id, details, client_ip, request_id, system)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;
/**
 * Writes the audit events the database cannot see by itself: sign-ins, sessions, reads of personal data.
 * Given a transaction's manager, the event commits or rolls back with the operation; either way a failed
 * audit write fails the operation (it is never swallowed).
 */
let AuditService = class AuditService {
    constructor(db) {
        this.db = db;
    }
    async record(event, manager) {
        const ctx = (0, request_context_1.currentContext)();
        const actor = { ...ctx, ...event.actor };
        await (manager ?? this.db.manager).query(INSERT, [
            actor.schoolId ?? null,
            actor.userId ?? null,
            actor.roles ?? [],
            actor.sessionId ?? null,
            event.action,
            event.outcome ?? audit_event_entity_1.AuditOutcome.Success,
            event.entity ?? null,
            event.entityId ?? null,
            event.subjectPersonId ?? null,
            event.details ? JSON.stringify(event.details) : null,
            ctx?.ip ?? null,
            ctx?.requestId ?? null,
            ctx?.system ?? null,
        ]);
    }
    /**
     * The helper later modules call when they show a person's data (a student's card, a guardian's contacts):
     * who read whose data, which record, which fields.
     */
    personalDataRead(read, manager) {
        return this.record({
            action: audit_action_1.AuditAction.PersonalDataRead,
            entity: read.entity,
            entityId: read.entityId,
            subjectPersonId: read.subjectPersonId,
            details: read.fields ? { fields: read.fields } : undefined,
        }, manager);
    }
};
exports.AuditService = AuditService;
exports.AuditService = AuditService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], AuditService);
//# sourceMappingURL=audit.service.js.map