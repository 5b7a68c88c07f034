import { AuditAction } from './audit-action';
import { AuditEventRow } from './audit-query';
import { ACTION_NAMES, AUDIT_EXPORT_COLUMNS, auditExportFileName, auditExportRow, localDate, wallTime } from './audit-export.xlsx';

const row = (over: Partial<AuditEventRow> = {}): AuditEventRow => ({
  id: '1',
  occurred_at: new Date('2026-11-28T05:30:15Z'),
  school_id: 's',
  actor_user_id: 'u1',
  actor_login: 'ivanova',
  actor_full_name: 'Иванова Мария Петровна',
  actor_roles: ['teacher', 'deputy'],
  session_id: null,
  action: 'update',
  outcome: 'success',
  entity: 'mark_type',
  entity_id: '6b1f…',
  subject_person_id: null,
  changes: null,
  client_ip: '10.0.0.7',
  request_id: null,
  system: null,
  details: null,
  ...over,
});

describe('audit export rows (журнал доступа)', () => {
  it('has the Russian header row in the agreed order', () => {
    expect(AUDIT_EXPORT_COLUMNS.map((c) => c.header)).toEqual([
      'Дата и время', 'Пользователь', 'Роль', 'Действие', 'Объект', 'Адрес', 'Результат',
    ]);
  });

  it('maps an event to Russian words, with the time in the school time zone', () => {
    const [at, ...rest] = auditExportRow(row(), 'Asia/Krasnoyarsk');
    expect(at.toISOString()).toBe('2026-11-28T12:30:15.000Z'); // 05:30 UTC = 12:30 in Krasnoyarsk (UTC+7)
    expect(rest).toEqual([
      'Иванова Мария Петровна (ivanova)',
      'учитель, заместитель директора',
      'Изменение записи',
      'mark_type 6b1f…',
      '10.0.0.7',
      'успешно',
    ]);
  });

  it('names system work and failed sign-ins of unknown users', () => {
    expect(auditExportRow(row({ actor_user_id: null, actor_roles: [], system: 'job:42' }), 'UTC')[1]).toBe('Система (job:42)');
    const failed = auditExportRow(
      row({ actor_user_id: null, actor_roles: [], action: 'login-failed', outcome: 'failure', details: { login: 'petrov' }, entity: null }),
      'UTC',
    );
    expect(failed.slice(1)).toEqual(['Не определён (логин «petrov»)', '', 'Неудачная попытка входа', '', '10.0.0.7', 'ошибка']);
  });

  it('every audit action has a Russian word', () => {
    expect(Object.values(AuditAction).filter((a) => !ACTION_NAMES[a])).toEqual([]);
  });

  it('names the file after the school and its local date, without characters file systems refuse', () => {
    const late = new Date('2026-11-28T20:00:00Z'); // already the 29th in Krasnoyarsk
    expect(auditExportFileName('Школа № 7 "Лицей"/Север', late, 'Asia/Krasnoyarsk')).toBe('Журнал доступа Школа № 7 Лицей Север 2026-11-29.xlsx');
    expect(localDate(late, 'Europe/Moscow')).toBe('2026-11-28');
  });

  it('wall time follows the zone offset', () => {
    expect(wallTime(new Date('2026-01-01T00:00:00Z'), 'Europe/Moscow').toISOString()).toBe('2026-01-01T03:00:00.000Z');
  });
});
