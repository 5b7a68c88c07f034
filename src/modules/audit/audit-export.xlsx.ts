import { Role } from '../../common/access/role';
import { AuditAction } from './audit-action';
import { AuditEventRow } from './audit-query';
import { AuditOutcome } from './entities/audit-event.entity';

/** The sheet of the export (журнал доступа) and its header row, exactly as the personal-data incident form expects. */
export const AUDIT_SHEET_NAME = 'Журнал доступа';
export const AUDIT_EXPORT_COLUMNS = [
  { header: 'Дата и время', width: 20 },
  { header: 'Пользователь', width: 40 },
  { header: 'Роль', width: 28 },
  { header: 'Действие', width: 34 },
  { header: 'Объект', width: 50 },
  { header: 'Адрес', width: 18 },
  { header: 'Результат', width: 12 },
] as const;
export const AUDIT_DATE_FORMAT = 'dd.mm.yyyy hh:mm:ss';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ROLE_NAMES: Record<Role, string> = {
  [Role.Admin]: 'администратор',
  [Role.Director]: 'директор',
  [Role.Deputy]: 'заместитель директора',
  [Role.Secretary]: 'секретарь',
  [Role.Teacher]: 'учитель',
  [Role.Parent]: 'родитель',
  [Role.Student]: 'обучающийся',
  [Role.Operator]: 'региональный оператор',
};

/** Words for the actions; an action without a word here is shown by its code (a unit test asks for every member). */
export const ACTION_NAMES: Record<string, string> = {
  [AuditAction.Create]: 'Создание записи',
  [AuditAction.Update]: 'Изменение записи',
  [AuditAction.Delete]: 'Удаление записи',
  [AuditAction.Login]: 'Вход в систему',
  [AuditAction.LoginFailed]: 'Неудачная попытка входа',
  [AuditAction.Refresh]: 'Продление сеанса',
  [AuditAction.Logout]: 'Выход из системы',
  [AuditAction.PasswordChange]: 'Смена пароля',
  [AuditAction.PasswordReset]: 'Сброс пароля',
  [AuditAction.SessionEnd]: 'Завершение сеанса',
  [AuditAction.PersonalDataRead]: 'Просмотр персональных данных',
  [AuditAction.AuditExport]: 'Выгрузка журнала доступа',
  [AuditAction.InvitationActivate]: 'Активация пригласительного кода',
};

export const OUTCOME_NAMES: Record<AuditOutcome, string> = {
  [AuditOutcome.Success]: 'успешно',
  [AuditOutcome.Failure]: 'ошибка',
  [AuditOutcome.Denied]: 'отказано',
};

/**
 * The wall-clock time of an instant in a time zone, as a Date whose UTC fields are that wall time: exceljs writes a
 * Date's UTC value, so the cell shows the school's local time (Excel has no time zones).
 */
export function wallTime(instant: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second));
}

/** The school-local date YYYY-MM-DD of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  return wallTime(instant, timeZone).toISOString().slice(0, 10);
}

function who(r: AuditEventRow): string {
  if (r.actor_user_id) {
    const name = r.actor_full_name ?? 'удалённый пользователь';
    return r.actor_login ? `${name} (${r.actor_login})` : name;
  }
  if (r.system) return `Система (${r.system})`;
  const tried = typeof r.details?.login === 'string' ? ` (логин «${r.details.login}»)` : '';
  return `Не определён${tried}`;
}

/** One row of the sheet, in the order of AUDIT_EXPORT_COLUMNS. */
export function auditExportRow(r: AuditEventRow, timeZone: string): [Date, string, string, string, string, string, string] {
  const roles = r.actor_roles.map((role) => ROLE_NAMES[role as Role] ?? role).join(', ');
  const object = r.entity ? [r.entity, r.entity_id].filter(Boolean).join(' ') : '';
  return [
    wallTime(new Date(r.occurred_at), timeZone),
    who(r),
    roles,
    ACTION_NAMES[r.action] ?? r.action,
    object,
    r.client_ip ?? '',
    OUTCOME_NAMES[r.outcome as AuditOutcome] ?? r.outcome,
  ];
}

/** «Журнал доступа <school> <YYYY-MM-DD>.xlsx», without characters that file systems refuse. */
export function auditExportFileName(schoolShortName: string, now: Date, timeZone: string): string {
  const school = schoolShortName.replace(/[\\/:*?"<>|\x00-\x1f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${AUDIT_SHEET_NAME}${school ? ` ${school}` : ''} ${localDate(now, timeZone)}.xlsx`;
}
