/** Actions of the audit trail besides the row writes (create, update, delete) recorded by the database trigger. */
export enum AuditAction {
  Create = 'create',
  Update = 'update',
  Delete = 'delete',
  Login = 'login',
  LoginFailed = 'login-failed',
  Refresh = 'refresh',
  Logout = 'logout',
  PasswordChange = 'password-change',
  PasswordReset = 'password-reset',
  SessionEnd = 'session-end',
  PersonalDataRead = 'personal-data-read',
  AuditExport = 'audit-export',
  /** an invitation code (пригласительный код) activated, or an attempt refused */
  InvitationActivate = 'invitation-activate',
}
