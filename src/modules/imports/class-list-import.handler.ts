import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemError } from '../../common/errors/problem';
import { AppConfig } from '../../config/app-config';
import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobOutput, JobProcessor, JobRunContext } from '../../jobs/job-processor';
import { JobType } from '../../jobs/job-type';
import { GuardianRelation } from '../contingent/entities/guardian.entity';
import { Gender, Student } from '../contingent/entities/student.entity';
import { Guardian, StudentGuardian } from '../contingent/entities/guardian.entity';
import {
  MOVEMENT_ERRORS_RU,
  MovementErrorCode,
  recordArrival,
  recordArrivalsOfNewStudents,
  recordDeparture,
  recordTransfer,
} from '../contingent/movement-core';
import { personFullName } from '../contingent/person-rules';
import {
  CLASS_LIST_COLUMNS, ClassListRow, classKey, GuardianInput, HEADER_OF, nameKey, parseClassListRow, RowError,
} from './class-list-format';
import { ImportReport, reportFile, ReportRowAction } from './import-report';
import { ClassListImportParams, MAX_ERRORS_IN_RESULT, RollbackImport } from './import-params';
import { ruDate } from './table/cells';
import { describeFormat, headerScore, matchColumns, rowCells } from './table/columns';
import { RawTable, readTable, UnreadableFile } from './table/read-table';
import { loadUpload } from './upload-store';

interface ExistingStudent {
  id: string;
  personal_file_number: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  gender: Gender;
  phone: string | null;
  email: string | null;
  class_id: string | null;
}

interface ClassRow {
  id: string;
  grade: number;
  letter: string;
}

interface RosterRow {
  class_id: string;
  id: string;
  personal_file_number: string;
  surname: string;
  name: string;
  patronymic: string | null;
}

interface GuardianState {
  id: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
  original: { phone: string | null; email: string | null } | null;
}

type StudentFields = Pick<Student, 'surname' | 'name' | 'patronymic' | 'birthDate' | 'gender' | 'phone' | 'email'>;

interface StudentPlan {
  row: ClassListRow;
  existing: ExistingStudent | null;
  id: string | null;
  classId: string;
  className: string;
  changes: Partial<StudentFields>;
  movement: 'arrival' | 'transfer' | null;
  fromClassId: string | null;
}

interface LinkPlan {
  plan: StudentPlan;
  guardian: GuardianState;
  relation: GuardianRelation;
  existingRelation: GuardianRelation | null;
  input: GuardianInput;
}

const FIELD_HEADERS: Record<keyof StudentFields, string> = {
  surname: HEADER_OF.surname,
  name: HEADER_OF.name,
  patronymic: HEADER_OF.patronymic,
  birthDate: HEADER_OF.birthDate,
  gender: HEADER_OF.gender,
  phone: HEADER_OF.phone,
  email: HEADER_OF.email,
};

/**
 * Импорт списков классов: one row per student (template columns), validated row by row, then applied all or nothing
 * in one transaction. Students are keyed by the personal file number; arrivals, transfers and departures go through
 * the movement core with the given date and order number. Guardians are matched within the school by ФИО + phone,
 * else ФИО + e-mail, else (no contacts) by ФИО among the student's own guardians, so siblings share one record.
 * A row whose values equal the stored ones writes nothing (a second import of the same file changes nothing).
 * Validation failures are not job failures: the job succeeds with `applied: false` and the report.
 */
@JobHandler(JobType.ClassListImport)
export class ClassListImportHandler implements JobProcessor<ClassListImportParams> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async run(ctx: JobRunContext<ClassListImportParams>): Promise<JobOutput> {
    const p = ctx.params;
    const upload = await loadUpload(this.db, ctx.jobId);
    const years = (await this.db.query(
      `SELECT name FROM academic_year WHERE id = $1 AND school_id = $2`,
      [p.academicYearId, ctx.schoolId],
    )) as Array<{ name: string }>;
    const yearName = years[0]?.name ?? '?';
    const errors: RowError[] = [];
    const warnings: string[] = [];
    const actions: ReportRowAction[] = [];
    const summary = {
      rows: 0, created: 0, updated: 0, unchanged: 0, arrived: 0, transferred: 0, departed: 0,
      guardiansCreated: 0, guardiansUpdated: 0, guardianLinksCreated: 0, guardianLinksUpdated: 0,
    };
    let proposed: Array<{ personalFileNumber: string; name: string; class: string }> = [];
    let format = '';
    let applied = false;

    const finish = async (): Promise<JobOutput> => {
      const report: ImportReport = {
        title: `Импорт списков классов, ${yearName} учебный год`,
        fileName: upload.fileName.replace(/\.(xlsx|csv)$/i, ''),
        keyHeader: '№ личного дела',
        detailHeader: 'Класс',
        summary: [
          ['Файл', upload.fileName],
          ['Формат', format || 'не распознан'],
          ['SHA-256', upload.sha256],
          ['Дата движения', ruDate(p.date)],
          ['Номер приказа', p.orderNumber ?? '—'],
          ['Результат', applied ? 'изменения внесены' : errors.length > 0 ? 'ничего не изменено: в файле есть ошибки' : 'изменений нет'],
          ['Строк с обучающимися', summary.rows],
          ['Создано карточек (прибытие)', summary.created],
          ['Изменено карточек', summary.updated],
          ['Без изменений', summary.unchanged],
          ['Вновь прибыли (карточка была)', summary.arrived],
          ['Переведено из класса в класс', summary.transferred],
          ['Выбыло', summary.departed],
          ['Предлагаемые выбытия (нет в списке)', proposed.length],
          ['Представителей создано', summary.guardiansCreated],
          ['Представителей изменено', summary.guardiansUpdated],
          ['Связей с представителями создано', summary.guardianLinksCreated],
          ['Связей с представителями изменено', summary.guardianLinksUpdated],
          ['Ошибок', errors.length],
        ],
        errors,
        warnings,
        rows: actions,
        extra: {
          name: 'Предлагаемые выбытия',
          headers: ['№ личного дела', 'ФИО', 'Класс'],
          rows: proposed.map((d) => [d.personalFileNumber, d.name, d.class]),
        },
      };
      const file = await reportFile(report, p.date);
      await ctx.progress(100);
      return {
        result: {
          kind: 'class-lists',
          applied,
          format,
          ...summary,
          proposedDepartures: proposed,
          errorCount: errors.length,
          errors: errors.slice(0, MAX_ERRORS_IN_RESULT),
          warnings,
        },
        file,
      };
    };

    // 1. the file as a table
    let table: RawTable;
    try {
      table = await readTable(upload.content, headerScore(CLASS_LIST_COLUMNS));
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      errors.push({ row: null, column: null, message: e.message });
      return finish();
    }
    format = describeFormat(table);
    const columns = matchColumns(table.header, CLASS_LIST_COLUMNS);
    if (columns.ignored.length > 0) warnings.push(`столбцы не из шаблона пропущены: ${columns.ignored.map((h) => `«${h}»`).join(', ')}`);
    if (columns.errors.length > 0) {
      for (const message of columns.errors) errors.push({ row: table.headerRow, column: null, message });
      return finish();
    }
    if (table.rows.length === 0) {
      errors.push({ row: null, column: null, message: 'в файле нет ни одной строки с обучающимися под заголовком' });
      return finish();
    }
    await ctx.progress(5);

    // 2. every row checked
    const classes = (await this.db.query(
      'SELECT id, grade, letter FROM school_class WHERE school_id = $1 AND academic_year_id = $2',
      [ctx.schoolId, p.academicYearId],
    )) as ClassRow[];
    const classByKey = new Map(classes.map((c) => [classKey(c.grade, c.letter), c]));
    const classById = new Map(classes.map((c) => [c.id, c]));
    const rows: ClassListRow[] = [];
    const firstRowOf = new Map<string, number>();
    for (const [i, r] of table.rows.entries()) {
      const parsed = parseClassListRow(r.row, rowCells(r, columns.index), p.date);
      errors.push(...parsed.errors);
      const v = parsed.value;
      if (v) {
        const seen = firstRowOf.get(v.fileNumber);
        if (seen !== undefined) {
          errors.push({ row: v.row, column: HEADER_OF.fileNumber, message: `номер личного дела ${v.fileNumber} уже встречается в строке ${seen}` });
        } else firstRowOf.set(v.fileNumber, v.row);
        if (!classByKey.has(classKey(v.grade, v.letter))) {
          errors.push({ row: v.row, column: HEADER_OF.className, message: `класса ${v.grade}${v.letter} нет в ${yearName} учебном году` });
        }
        rows.push(v);
      }
      if (i % 200 === 199) await ctx.progress(5 + Math.floor((i / table.rows.length) * 20));
    }
    summary.rows = table.rows.length;
    if (errors.length > 0) return finish();
    await ctx.progress(25);

    // 3. the plan: what each row would change
    const existing = (await this.db.query(
      `SELECT s.id, s.personal_file_number, s.surname, s.name, s.patronymic, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date,
              s.gender, s.phone, s.email, e.class_id
         FROM student s LEFT JOIN enrollment e ON e.student_id = s.id AND e.ends_on IS NULL
        WHERE s.school_id = $1 AND s.personal_file_number = ANY($2::text[])`,
      [ctx.schoolId, rows.map((r) => r.fileNumber)],
    )) as ExistingStudent[];
    const existingByNumber = new Map(existing.map((s) => [s.personal_file_number, s]));
    const roster = (await this.db.query(
      `SELECT e.class_id, s.id, s.personal_file_number, s.surname, s.name, s.patronymic
         FROM enrollment e JOIN student s ON s.id = e.student_id
        WHERE e.school_id = $1 AND e.ends_on IS NULL AND e.class_id = ANY($2::uuid[])
        ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.id`,
      [ctx.schoolId, classes.map((c) => c.id)],
    )) as RosterRow[];

    const plans: StudentPlan[] = rows.map((row) => {
      const cls = classByKey.get(classKey(row.grade, row.letter)) as ClassRow;
      const ex = existingByNumber.get(row.fileNumber) ?? null;
      const plan: StudentPlan = {
        row, existing: ex, id: ex?.id ?? null, classId: cls.id, className: `${cls.grade}${cls.letter}`, changes: {},
        movement: null, fromClassId: ex?.class_id ?? null,
      };
      if (!ex) plan.movement = 'arrival';
      else {
        const wanted: Partial<StudentFields> = {
          surname: row.surname, name: row.name, patronymic: row.patronymic, birthDate: row.birthDate, gender: row.gender,
        };
        if (row.phone !== undefined) wanted.phone = row.phone;
        if (row.email !== undefined) wanted.email = row.email;
        const current: StudentFields = {
          surname: ex.surname, name: ex.name, patronymic: ex.patronymic, birthDate: ex.birth_date, gender: ex.gender, phone: ex.phone, email: ex.email,
        };
        for (const [k, v] of Object.entries(wanted) as Array<[keyof StudentFields, string | null]>) {
          if (current[k] !== v) (plan.changes as Record<string, unknown>)[k] = v;
        }
        if (ex.class_id === null) plan.movement = 'arrival';
        else if (ex.class_id !== cls.id) plan.movement = 'transfer';
      }
      return plan;
    });

    // departures: current students of the classes in the file who are not in it
    const inFile = new Set(rows.map((r) => r.fileNumber));
    const classesInFile = new Set(plans.map((pl) => pl.classId));
    const missing = roster.filter((r) => classesInFile.has(r.class_id) && !inFile.has(r.personal_file_number));
    proposed = missing.map((r) => {
      const c = classById.get(r.class_id) as ClassRow;
      return { personalFileNumber: r.personal_file_number, name: personFullName(r), class: `${c.grade}${c.letter}` };
    });

    // guardians: matched within the school; new ones shared between the rows of the file
    const guardianRows = (await this.db.query(
      'SELECT id, surname, name, patronymic, phone, email FROM guardian WHERE school_id = $1',
      [ctx.schoolId],
    )) as Array<{ id: string; surname: string; name: string; patronymic: string | null; phone: string | null; email: string | null }>;
    const byPhone = new Map<string, GuardianState>();
    const byEmail = new Map<string, GuardianState>();
    const byId = new Map<string, GuardianState>();
    const index = (g: GuardianState) => {
      const k = nameKey(g.surname, g.name, g.patronymic);
      if (g.phone) byPhone.set(`${k}#${g.phone}`, g);
      if (g.email) byEmail.set(`${k}#${g.email}`, g);
    };
    for (const r of guardianRows) {
      const g: GuardianState = { ...r, original: { phone: r.phone, email: r.email } };
      byId.set(r.id, g);
      index(g);
    }
    const links = (await this.db.query(
      'SELECT student_id, guardian_id, relation FROM student_guardian WHERE school_id = $1 AND student_id = ANY($2::uuid[])',
      [ctx.schoolId, existing.map((s) => s.id)],
    )) as Array<{ student_id: string; guardian_id: string; relation: GuardianRelation }>;
    const linksOf = new Map<string, Array<{ guardian: GuardianState; relation: GuardianRelation }>>();
    for (const l of links) {
      const g = byId.get(l.guardian_id);
      if (!g) continue;
      const list = linksOf.get(l.student_id) ?? [];
      list.push({ guardian: g, relation: l.relation });
      linksOf.set(l.student_id, list);
    }
    const linkPlans: LinkPlan[] = [];
    const newGuardians: GuardianState[] = [];
    for (const plan of plans) {
      const own = plan.id ? (linksOf.get(plan.id) ?? []) : [];
      for (const gi of plan.row.guardians) {
        const k = nameKey(gi.surname, gi.name, gi.patronymic);
        let g =
          (gi.phone ? byPhone.get(`${k}#${gi.phone}`) : undefined) ??
          (gi.email ? byEmail.get(`${k}#${gi.email}`) : undefined) ??
          own.find((l) => nameKey(l.guardian.surname, l.guardian.name, l.guardian.patronymic) === k)?.guardian;
        if (!g) {
          g = { id: null, surname: gi.surname, name: gi.name, patronymic: gi.patronymic, phone: gi.phone, email: gi.email, original: null };
          newGuardians.push(g);
        } else {
          // contacts are only added or replaced, never cleared: an empty cell leaves the stored one
          if (gi.phone) g.phone = gi.phone;
          if (gi.email) g.email = gi.email;
        }
        index(g);
        if (linkPlans.some((l) => l.plan === plan && l.guardian === g)) continue;
        const link = own.find((l) => l.guardian === g);
        linkPlans.push({ plan, guardian: g, relation: gi.relation, existingRelation: link?.relation ?? null, input: gi });
      }
    }
    const changedGuardians = [...byId.values()].filter(
      (g) => g.original && (g.original.phone !== g.phone || g.original.email !== g.email),
    );

    // 4. the checks of the whole import: order number, safety threshold
    const movements = plans.filter((pl) => pl.movement).length + (p.applyDepartures ? missing.length : 0);
    if (movements > 0 && !p.orderNumber) {
      errors.push({
        row: null,
        column: null,
        message:
          `импорт зачислил бы или перевёл ${plans.filter((pl) => pl.movement).length} обучающихся` +
          (p.applyDepartures && missing.length > 0 ? ` и отчислил бы ${missing.length}` : '') +
          ': укажите номер приказа (параметр orderNumber)',
      });
    }
    const rosterCount = new Map<string, number>();
    for (const r of roster) rosterCount.set(r.class_id, (rosterCount.get(r.class_id) ?? 0) + 1);
    const changeCount = new Map<string, number>();
    const bump = (classId: string | null) => classId && changeCount.set(classId, (changeCount.get(classId) ?? 0) + 1);
    for (const pl of plans) {
      if (pl.movement === 'transfer') {
        bump(pl.fromClassId);
        bump(pl.classId);
      } else if (pl.movement === 'arrival') bump(pl.classId);
      else if (Object.keys(pl.changes).length > 0) bump(pl.classId);
    }
    if (p.applyDepartures) for (const m of missing) bump(m.class_id);
    const limit = this.config.IMPORT_MAX_CHANGE_SHARE;
    if (!p.confirm) {
      for (const c of classes) {
        const n = rosterCount.get(c.id) ?? 0;
        const changed = changeCount.get(c.id) ?? 0;
        if (n > 0 && changed / n > limit) {
          errors.push({
            row: null,
            column: HEADER_OF.className,
            message:
              `класс ${c.grade}${c.letter}: импорт изменил бы ${changed} из ${n} обучающихся (${Math.round((changed / n) * 100)} %), ` +
              `больше допустимых ${Math.round(limit * 100)} %. Проверьте файл; если изменения верны, повторите импорт с confirm=true`,
          });
        }
      }
    }
    if (errors.length > 0) return finish();
    await ctx.progress(30);

    // 5. all or nothing
    const todo = plans.filter((pl) => !pl.existing || Object.keys(pl.changes).length > 0 || pl.movement).length;
    const anything =
      todo > 0 || newGuardians.length > 0 || changedGuardians.length > 0 ||
      linkPlans.some((l) => l.existingRelation !== l.relation) || (p.applyDepartures && missing.length > 0);
    if (anything) {
      try {
        await this.db.transaction(async (m) => {
          await m.query(`SELECT pg_advisory_xact_lock(hashtext('import:' || $1))`, [ctx.schoolId]);
          await this.apply(m, ctx, p, plans, missing, newGuardians, changedGuardians, linkPlans, errors, summary);
          if (errors.length > 0) throw new RollbackImport();
        });
        applied = true;
      } catch (e) {
        if (!(e instanceof RollbackImport)) throw e;
        for (const k of Object.keys(summary) as Array<keyof typeof summary>) if (k !== 'rows') summary[k] = 0;
        return finish();
      }
    } else {
      summary.unchanged = plans.length;
    }
    if (!anything || applied) {
      for (const pl of plans) actions.push(this.describe(pl, classById, linkPlans));
      if (anything) summary.unchanged = plans.filter((pl) => pl.existing && !pl.movement && Object.keys(pl.changes).length === 0).length;
    }
    if (p.applyDepartures && applied) proposed = [];
    return finish();
  }

  private describe(pl: StudentPlan, classById: Map<string, ClassRow>, links: LinkPlan[]): ReportRowAction {
    const parts: string[] = [];
    const from = pl.fromClassId ? classById.get(pl.fromClassId) : undefined;
    if (!pl.existing) parts.push(`создана карточка, прибытие в ${pl.className}`);
    else if (pl.movement === 'arrival') parts.push(`прибытие в ${pl.className}`);
    else if (pl.movement === 'transfer') parts.push(`перевод ${from ? `из ${from.grade}${from.letter} ` : ''}в ${pl.className}`);
    const changed = Object.keys(pl.changes) as Array<keyof StudentFields>;
    if (pl.existing && changed.length > 0) parts.push(`изменено: ${changed.map((k) => FIELD_HEADERS[k]).join(', ')}`);
    for (const l of links.filter((x) => x.plan === pl)) {
      if (l.existingRelation === null) parts.push(`представитель ${l.input.slot}: ${l.guardian.original ? 'связан с карточкой' : 'создан'}`);
      else if (l.existingRelation !== l.relation) parts.push(`представитель ${l.input.slot}: изменено, кем приходится`);
    }
    return {
      row: pl.row.row,
      key: pl.row.fileNumber,
      name: personFullName(pl.row),
      detail: pl.className,
      action: parts.length > 0 ? parts.join('; ') : 'без изменений',
    };
  }

  private async apply(
    m: EntityManager,
    ctx: JobRunContext<ClassListImportParams>,
    p: ClassListImportParams,
    plans: StudentPlan[],
    missing: RosterRow[],
    newGuardians: GuardianState[],
    changedGuardians: GuardianState[],
    linkPlans: LinkPlan[],
    errors: RowError[],
    summary: Record<string, number>,
  ): Promise<void> {
    const schoolId = ctx.schoolId;
    const orderNumber = p.orderNumber ?? '';
    const movementError = (row: number | null, e: unknown) => {
      if (!(e instanceof ProblemError)) throw e;
      const known = MOVEMENT_ERRORS_RU[e.code as MovementErrorCode];
      const latest = e.extensions?.latest;
      errors.push({
        row,
        column: HEADER_OF.className,
        message: (known ?? e.detail ?? e.title) + (typeof latest === 'string' ? ` (последнее движение ${ruDate(latest)})` : ''),
      });
    };

    // new cards, in batches
    const created = plans.filter((pl) => !pl.existing);
    for (let i = 0; i < created.length; i += 500) {
      const batch = created.slice(i, i + 500);
      const result = await m.insert(
        Student,
        batch.map((pl) => ({
          schoolId,
          personalFileNumber: pl.row.fileNumber,
          surname: pl.row.surname,
          name: pl.row.name,
          patronymic: pl.row.patronymic,
          birthDate: pl.row.birthDate,
          gender: pl.row.gender,
          phone: pl.row.phone ?? null,
          email: pl.row.email ?? null,
        })),
      );
      batch.forEach((pl, j) => (pl.id = (result.identifiers[j] as { id: string }).id));
    }
    summary.created = created.length;
    await ctx.progress(40);

    // changed cards
    for (const pl of plans) {
      if (pl.existing && Object.keys(pl.changes).length > 0) {
        await m.update(Student, { id: pl.id as string, schoolId }, pl.changes);
        summary.updated++;
      }
    }

    // movement through the movement core: arrivals of the new cards at once, then the others' arrivals and
    // transfers one by one (they have a history to check), then departures
    try {
      await recordArrivalsOfNewStudents(
        m,
        schoolId,
        created.map((pl) => ({ studentId: pl.id as string, classId: pl.classId })),
        { date: p.date, orderNumber, reason: 'импорт списков классов' },
      );
    } catch (e) {
      movementError(null, e);
    }
    await ctx.progress(50);
    const moving = plans.filter((pl) => pl.movement && pl.existing);
    for (const [i, pl] of moving.entries()) {
      try {
        if (pl.movement === 'arrival') {
          await recordArrival(m, schoolId, { studentId: pl.id as string, classId: pl.classId, date: p.date, orderNumber, reason: 'импорт списков классов' });
          if (pl.existing) summary.arrived++;
        } else {
          await recordTransfer(m, schoolId, { studentId: pl.id as string, toClassId: pl.classId, date: p.date, orderNumber, reason: 'импорт списков классов' });
          summary.transferred++;
        }
      } catch (e) {
        movementError(pl.row.row, e);
      }
      if (i % 100 === 99) await ctx.progress(50 + Math.floor((i / moving.length) * 30));
    }
    if (p.applyDepartures) {
      for (const d of missing) {
        try {
          await recordDeparture(m, schoolId, { studentId: d.id, date: p.date, orderNumber, reason: 'нет в списке класса при импорте' });
          summary.departed++;
        } catch (e) {
          movementError(null, e);
          errors[errors.length - 1].message = `выбытие ${d.personal_file_number} (${personFullName(d)}): ${errors[errors.length - 1].message}`;
        }
      }
    }
    await ctx.progress(80);

    // guardians and links
    for (let i = 0; i < newGuardians.length; i += 500) {
      const batch = newGuardians.slice(i, i + 500);
      const result = await m.insert(
        Guardian,
        batch.map((g) => ({ schoolId, surname: g.surname, name: g.name, patronymic: g.patronymic, phone: g.phone, email: g.email })),
      );
      batch.forEach((g, j) => (g.id = (result.identifiers[j] as { id: string }).id));
    }
    summary.guardiansCreated = newGuardians.length;
    for (const g of changedGuardians) {
      await m.update(Guardian, { id: g.id as string, schoolId }, { phone: g.phone, email: g.email });
    }
    summary.guardiansUpdated = changedGuardians.length;
    const newLinks = linkPlans.filter((l) => l.existingRelation === null);
    for (let i = 0; i < newLinks.length; i += 500) {
      await m.insert(
        StudentGuardian,
        newLinks.slice(i, i + 500).map((l) => ({ schoolId, studentId: l.plan.id as string, guardianId: l.guardian.id as string, relation: l.relation })),
      );
    }
    summary.guardianLinksCreated = newLinks.length;
    for (const l of linkPlans.filter((x) => x.existingRelation !== null && x.existingRelation !== x.relation)) {
      await m.update(StudentGuardian, { studentId: l.plan.id as string, guardianId: l.guardian.id as string, schoolId }, { relation: l.relation });
      summary.guardianLinksUpdated++;
    }
    await ctx.progress(95);
  }
}
