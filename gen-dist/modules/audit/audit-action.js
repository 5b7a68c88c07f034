"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditAction = void 0;
/** Actions of the audit trail besides the row writes (create, update, delete) recorded by the database trigger. */
var AuditAction;
(function (AuditAction) {
    AuditAction["Create"] = "create";
    AuditAction["Update"] = "update";
    AuditAction["Delete"] = "delete";
    AuditAction["Login"] = "login";
    AuditAction["LoginFailed"] = "login-failed";
    AuditAction["Refresh"] = "refresh";
    AuditAction["Logout"] = "logout";
    AuditAction["PasswordChange"] = "password-change";
    AuditAction["PasswordReset"] = "password-reset";
    AuditAction["SessionEnd"] = "session-end";
    AuditAction["PersonalDataRead"] = "personal-data-read";
    AuditAction["AuditExport"] = "audit-export";
})(AuditAction || (exports.AuditAction = AuditAction = {}));
//# sourceMappingURL=audit-action.js.map