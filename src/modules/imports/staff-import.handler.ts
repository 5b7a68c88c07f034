import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobOutput, JobProcessor, JobRunContext } from '../../jobs/job-processor';
import { JobType } from '../../jobs/job-type';
import { Staff } from '../contingent/staff.entity';
import { personFullName } from '../contingent/person-rules';
import { nameKey, RowError } from './class-list-format';
import { ImportReport, reportFile, ReportRowAction } from './import-report';
import { MAX_ERRORS_IN_RESULT, RollbackImport, StaffImportParams } from './import-params';
import { parseStaffRow, STAFF_COLUMNS, STAFF_HEADER_OF, StaffRow } from './staff-format';
import { describeFormat, headerScore, matchColumns, rowCells } from './table/columns';
import { RawTable, readTable, UnreadableFile } from './table/read-table';
import { loadUpload } from './upload-store';
import { schoolToday } from '../school/school-today';

interface ExistingStaff {
  id: string;
  personnel_number: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  positions: string[];
}

type StaffFields = Pick<Staff, 'personnelNumber' | 'surname' | 'name' | 'patronymic' | 'positions'>;

/**
 * Импорт списка сотрудников, keyed by табельный номер: a new number creates a record, a known one updates it when
 * something differs, equal values write nothing. A row without a number finds a record that has none by ФИО
 * (so an exported list of records made by hand imports to no change); a new person needs a number. Staff missing
 * from the file are left as they are (archiving is a deliberate act in the staff card). All or nothing.
 */
@JobHandler(JobType.StaffImport)
export class StaffImportHandler implements JobProcessor<StaffImportParams> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run(ctx: JobRunContext<StaffImportParams>): Promise<JobOutput> {
    const upload = await loadUpload(this.db, ctx.jobId);
    const errors: RowError[] = [];
    const warnings: string[] = [];
    const actions: ReportRowAction[] = [];
    const summary = { rows: 0, created: 0, updated: 0, unchanged: 0 };
    let format = '';
    let applied = false;
    const today = await schoolToday(this.db.manager, ctx.schoolId);

    const finish = async (): Promise<JobOutput> => {
      const report: ImportReport = {
        title: 'Импорт списка сотрудников',
        fileName: upload.fileName.replace(/\.(xlsx|csv)$/i, ''),
        keyHeader: 'Табельный номер',
        detailHeader: 'Должностей',
        summary: [
          ['Файл', upload.fileName],
          ['Формат', format || 'не распознан'],
          ['SHA-256', upload.sha256],
          ['Результат', applied ? 'изменения внесены' : errors.length > 0 ? 'ничего не изменено: в файле есть ошибки' : 'изменений нет'],
          ['Строк с сотрудниками', summary.rows],
          ['Создано записей', summary.created],
          ['Изменено записей', summary.updated],
          ['Без изменений', summary.unchanged],
          ['Ошибок', errors.length],
        ],
        errors,
        warnings,
        rows: actions,
      };
      const file = await reportFile(report, today);
      await ctx.progress(100);
      return {
        result: { kind: 'staff', applied, format, ...summary, errorCount: errors.length, errors: errors.slice(0, MAX_ERRORS_IN_RESULT), warnings },
        file,
      };
    };

    let table: RawTable;
    try {
      table = await readTable(upload.content, headerScore(STAFF_COLUMNS));
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      errors.push({ row: null, column: null, message: e.message });
      return finish();
    }
    format = describeFormat(table);
    const columns = matchColumns(table.header, STAFF_COLUMNS);
    if (columns.ignored.length > 0) warnings.push(`столбцы не из шаблона пропущены: ${columns.ignored.map((h) => `«${h}»`).join(', ')}`);
    if (columns.errors.length > 0) {
      for (const message of columns.errors) errors.push({ row: table.headerRow, column: null, message });
      return finish();
    }
    if (table.rows.length === 0) {
      errors.push({ row: null, column: null, message: 'в файле нет ни одной строки с сотрудниками под заголовком' });
      return finish();
    }
    summary.rows = table.rows.length;
    const rows: StaffRow[] = [];
    const seen = new Map<string, number>();
    for (const r of table.rows) {
      const parsed = parseStaffRow(r.row, rowCells(r, columns.index));
      errors.push(...parsed.errors);
      if (!parsed.value) continue;
      const n = parsed.value.personnelNumber;
      if (n !== null) {
        const first = seen.get(n);
        if (first !== undefined) {
          errors.push({ row: r.row, column: STAFF_HEADER_OF.personnelNumber, message: `табельный номер ${n} уже встречается в строке ${first}` });
        } else seen.set(n, r.row);
      }
      rows.push(parsed.value);
    }
    if (errors.length > 0) return finish();
    await ctx.progress(30);

    const existing = (await this.db.query(
      'SELECT id, personnel_number, surname, name, patronymic, positions FROM staff WHERE school_id = $1',
      [ctx.schoolId],
    )) as ExistingStaff[];
    const byNumber = new Map(existing.filter((s) => s.personnel_number).map((s) => [s.personnel_number as string, s]));
    const unnumberedByName = new Map<string, ExistingStaff[]>();
    for (const s of existing.filter((x) => !x.personnel_number)) {
      const k = nameKey(s.surname, s.name, s.patronymic);
      unnumberedByName.set(k, [...(unnumberedByName.get(k) ?? []), s]);
    }
    const taken = new Set<string>();
    const plans: Array<{ row: StaffRow; existing: ExistingStaff | null; changes: Partial<StaffFields> }> = [];
    for (const row of rows) {
      let ex: ExistingStaff | null = null;
      if (row.personnelNumber) {
        ex = byNumber.get(row.personnelNumber) ?? null;
        // a record made by hand without a number, found by ФИО, gets the number
        if (!ex) {
          const same = (unnumberedByName.get(nameKey(row.surname, row.name, row.patronymic)) ?? []).filter((s) => !taken.has(s.id));
          if (same.length === 1) ex = same[0];
        }
      } else {
        const same = (unnumberedByName.get(nameKey(row.surname, row.name, row.patronymic)) ?? []).filter((s) => !taken.has(s.id));
        if (same.length === 1) ex = same[0];
        else {
          errors.push({
            row: row.row,
            column: STAFF_HEADER_OF.personnelNumber,
            message:
              same.length === 0
                ? 'не заполнен табельный номер: он обязателен для нового сотрудника'
                : 'не заполнен табельный номер, а сотрудников без номера с таким ФИО несколько: укажите номер',
          });
          continue;
        }
      }
      if (ex) {
        if (taken.has(ex.id)) {
          errors.push({ row: row.row, column: STAFF_HEADER_OF.surname, message: 'этот сотрудник уже есть в файле в другой строке' });
          continue;
        }
        taken.add(ex.id);
      }
      const changes: Partial<StaffFields> = {};
      if (ex) {
        if (row.personnelNumber && ex.personnel_number !== row.personnelNumber) changes.personnelNumber = row.personnelNumber;
        if (ex.surname !== row.surname) changes.surname = row.surname;
        if (ex.name !== row.name) changes.name = row.name;
        if (ex.patronymic !== row.patronymic) changes.patronymic = row.patronymic;
        if (row.positions !== undefined && JSON.stringify(ex.positions) !== JSON.stringify(row.positions)) changes.positions = row.positions;
      }
      plans.push({ row, existing: ex, changes });
    }
    if (errors.length > 0) return finish();
    await ctx.progress(50);

    const todo = plans.filter((p) => !p.existing || Object.keys(p.changes).length > 0);
    if (todo.length > 0) {
      try {
        await this.db.transaction(async (m) => {
          await m.query(`SELECT pg_advisory_xact_lock(hashtext('import:' || $1))`, [ctx.schoolId]);
          for (const p of todo) {
            if (!p.existing) {
              await m.insert(Staff, {
                schoolId: ctx.schoolId, personnelNumber: p.row.personnelNumber, surname: p.row.surname, name: p.row.name,
                patronymic: p.row.patronymic, positions: p.row.positions ?? [], userId: null, archivedAt: null,
              });
            } else await m.update(Staff, { id: p.existing.id, schoolId: ctx.schoolId }, p.changes);
          }
          // numbers taken meanwhile by records outside the file surface as a unique violation: report, not crash
          const clash = (await m.query(
            `SELECT personnel_number FROM staff WHERE school_id = $1 AND personnel_number IS NOT NULL
              GROUP BY personnel_number HAVING count(*) > 1`,
            [ctx.schoolId],
          )) as Array<{ personnel_number: string }>;
          if (clash.length > 0) {
            for (const c of clash) errors.push({ row: null, column: STAFF_HEADER_OF.personnelNumber, message: `табельный номер ${c.personnel_number} уже занят` });
            throw new RollbackImport();
          }
        });
        applied = true;
      } catch (e) {
        if (e instanceof RollbackImport) return finish();
        const code = (e as { driverError?: { code?: string } }).driverError?.code;
        if (code === '23505') {
          errors.push({ row: null, column: STAFF_HEADER_OF.personnelNumber, message: 'табельный номер из файла уже занят другим сотрудником' });
          return finish();
        }
        throw e;
      }
    }
    for (const p of plans) {
      const changed = Object.keys(p.changes);
      if (!p.existing) summary.created++;
      else if (changed.length > 0) summary.updated++;
      else summary.unchanged++;
      actions.push({
        row: p.row.row,
        key: p.row.personnelNumber ?? '',
        name: personFullName(p.row),
        detail: String((p.row.positions ?? p.existing?.positions ?? []).length),
        action: !p.existing
          ? 'создана запись'
          : changed.length > 0
            ? `изменено: ${(changed as Array<keyof StaffFields>).map((k) => STAFF_HEADER_OF[k]).join(', ')}`
            : 'без изменений',
      });
    }
    return finish();
  }
}
