import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { cp1251, CLASS_LIST_HEADERS, toCsvText, toXlsx } from './fixtures/imports/files';
import { buildSchoolRows, ImportRow } from './fixtures/imports/school-rows';
import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LETTERS = ['А', 'Б', 'В', 'Г'];
const DATE = '2027-09-01';

interface Job {
  id: string;
  status: string;
  progress: number;
  error: string | null;
  result: Record<string, any>;
  hasFile: boolean;
}

/** Reads a response body fully as a Buffer (supertest would otherwise try to parse it). */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the secretary\'s imports and exports (R-CON-6)', () => {
  let t: TestApp;
  let school: TestSchool;
  let secretary: string;
  let yearId: string;
  let rows: ImportRow[];
  let guardianCount: number;
  let xlsx: Buffer;

  /** Uploads a file, waits for its job and returns the finished job. */
  async function importFile(kind: 'class-lists' | 'staff', body: Buffer, contentType: string, query: Record<string, string> = {}): Promise<Job> {
    const all = kind === 'class-lists' ? { academicYearId: yearId, date: DATE, orderNumber: '17-у', ...query } : query;
    const q = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '')); // '' leaves the option out
    const res = await t.http
      .post(`/api/v1/imports/${kind}`)
      .query(q)
      .set('authorization', secretary)
      .set('content-type', contentType)
      .send(body);
    if (res.status !== 202) throw new Error(`upload answered ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.headers.location).toBe(`/api/v1/jobs/${res.body.id}`);
    for (let i = 0; i < 600; i++) {
      const job = (await t.http.get(res.headers.location).set('authorization', secretary)).body as Job;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await sleep(50);
    }
    throw new Error('import job did not finish');
  }

  const studentCount = async () =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM student WHERE school_id = $1 AND personal_file_number LIKE 'ИМ-%'`, [school.id])) as Array<{
      n: number;
    }>)[0].n;
  const auditCount = async () =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE school_id = $1 AND action IN ('create', 'update', 'delete')`, [
      school.id,
    ])) as Array<{ n: number }>)[0].n;
  const download = async (path: string) => {
    const res = await t.http.get(path).set('authorization', secretary).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };

  beforeAll(async () => {
    t = await createTestApp({ REDIS_URL: '' });
    school = await seedTestSchool(t, 1);
    secretary = await bearer(t, school.logins.secretary);
    // a year of its own, with brand-new classes: the import tests do not depend on what the seed puts in its year
    yearId = ((await systemWrite(
      t,
      `INSERT INTO academic_year (school_id, name, starts_on, ends_on) VALUES ($1, '2027/2028', '2027-09-01', '2028-05-31') RETURNING id`,
      [school.id],
    )) as Array<{ id: string }>)[0].id;
    await systemWrite(
      t,
      `INSERT INTO school_class (school_id, academic_year_id, grade, letter)
       SELECT $1, $2, g, l FROM generate_series(1, 11) g, unnest($3::text[]) l`,
      [school.id, yearId, LETTERS],
    );
    const built = buildSchoolRows({ seed: 7, startYear: 2027, prefix: 'ИМ' });
    rows = built.rows;
    // the generated school: about 1,100 students and 2,000 guardians in 1А … 11Г
    expect(rows.length).toBeGreaterThan(1000);
    expect(built.classes.every((c) => /^([1-9]|1[01])[АБВГ]$/.test(c))).toBe(true);
    guardianCount = built.guardians;
    xlsx = await toXlsx(rows);
  }, 60_000);
  afterAll(() => t?.close());

  it('importing a generated school (1,100 students + guardians) as XLSX creates them all', async () => {
    const rssBefore = process.memoryUsage().rss;
    const t0 = Date.now();
    const job = await importFile('class-lists', xlsx, XLSX);
    const ms = Date.now() - t0;
    // the api runs the job in-process here (no Redis): the figures are of the whole test process
    process.stdout.write(
      `class-list import of ${rows.length} students, ${guardianCount} guardians (XLSX ${Math.round(xlsx.length / 1024)} KiB): ${ms} ms; ` +
        `rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB (before ${Math.round(rssBefore / 2 ** 20)} MiB), ` +
        `peak rss of the process ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
    );
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({
      applied: true, errorCount: 0, rows: rows.length, created: rows.length, updated: 0, transferred: 0, guardiansCreated: guardianCount,
      guardianLinksCreated: rows.filter((r) => r['Представитель 1: ФИО']).length + rows.filter((r) => r['Представитель 2: ФИО']).length,
      proposedDepartures: [],
    });
    expect(await studentCount()).toBe(rows.length);
    const [m] = (await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT order_number)::int AS orders, min(occurred_on)::text AS d FROM movement
        WHERE school_id = $1 AND kind = 'arrival' AND to_class_id IN (SELECT id FROM school_class WHERE academic_year_id = $2)`,
      [school.id, yearId],
    )) as Array<{ n: number; orders: number; d: string }>;
    expect(m).toEqual({ n: rows.length, orders: 1, d: DATE });
    // siblings share their parents' record
    const [shared] = (await t.db.query(
      `SELECT count(*)::int AS n FROM (SELECT guardian_id FROM student_guardian WHERE school_id = $1 GROUP BY guardian_id HAVING count(*) > 1) x`,
      [school.id],
    )) as Array<{ n: number }>;
    expect(shared.n).toBeGreaterThan(100);
    expect(job.hasFile).toBe(true);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await download(`/api/v1/jobs/${job.id}/file`)) as unknown as ArrayBuffer);
    expect(report.worksheets.map((s) => s.name)).toEqual(['Итог', 'Ошибки', 'Строки', 'Предлагаемые выбытия']);
    expect(report.getWorksheet('Строки')?.rowCount).toBe(rows.length + 1);
  }, 60_000);

  it('a second import of the same file changes nothing (and writes no audit rows)', async () => {
    const audit = await auditCount();
    const job = await importFile('class-lists', xlsx, XLSX);
    expect(job.result).toMatchObject({ applied: false, errorCount: 0, created: 0, updated: 0, unchanged: rows.length, transferred: 0, guardiansCreated: 0, guardiansUpdated: 0, guardianLinksCreated: 0 });
    expect(await auditCount()).toBe(audit);
  }, 60_000);

  it('a file with one bad row in the middle changes nothing and the report names that row and column', async () => {
    const changed = rows.map((r) => ({ ...r }));
    changed[0]['Фамилия'] = 'Переименованная';
    changed.push({ ...rows[0], '№ личного дела': 'ИМ-новый', Класс: '5А' });
    changed[550]['Дата рождения'] = '31.02.2015';
    const audit = await auditCount();
    const job = await importFile('class-lists', await toXlsx(changed), XLSX);
    expect(job.status).toBe('succeeded');
    expect(job.result.applied).toBe(false);
    expect(job.result.errors).toEqual([{ row: 552, column: 'Дата рождения', message: expect.stringContaining('31.02.2015') }]);
    expect(await auditCount()).toBe(audit);
    expect(await studentCount()).toBe(rows.length);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await download(`/api/v1/jobs/${job.id}/file`)) as unknown as ArrayBuffer);
    const errors = report.getWorksheet('Ошибки');
    expect(errors?.getRow(2).values).toEqual([undefined, 552, 'Дата рождения', expect.stringContaining('нет такой даты')]);
  }, 60_000);

  it("a CP1251 CSV with ';' imports the same data", async () => {
    const job = await importFile('class-lists', cp1251(toCsvText(rows, ';')), 'text/csv');
    expect(job.result).toMatchObject({ applied: false, errorCount: 0, format: 'CSV, Windows-1251, разделитель «;»', unchanged: rows.length, created: 0, updated: 0 });
  }, 60_000);

  it("a UTF-8 CSV with ',' and BOM imports", async () => {
    const changed = rows.map((r) => ({ ...r }));
    changed[10]['Телефон'] = '+7 (999) 123-45-67';
    const text = '\ufeff' + toCsvText(changed, ',');
    const job = await importFile('class-lists', Buffer.from(text, 'utf8'), 'text/csv; charset=utf-8');
    expect(job.result).toMatchObject({ applied: true, errorCount: 0, format: 'CSV, UTF-8, разделитель «,»', updated: 1, unchanged: rows.length - 1 });
    const [s] = (await t.db.query('SELECT phone FROM student WHERE school_id = $1 AND personal_file_number = $2', [school.id, rows[10]['№ личного дела']])) as Array<{
      phone: string;
    }>;
    expect(s.phone).toBe('+79991234567');
    // back to the original
    expect((await importFile('class-lists', xlsx, XLSX)).result).toMatchObject({ applied: true, updated: 1 });
  }, 60_000);

  it('students missing from the list are proposed departures, applied only with applyDepartures', async () => {
    const fiveA = rows.filter((r) => r['Класс'] === '5А');
    const kept = fiveA.slice(2);
    const job = await importFile('class-lists', await toXlsx(kept), XLSX);
    expect(job.result).toMatchObject({ applied: false, departed: 0, unchanged: kept.length });
    // only 5А is in the file: nobody of 6Б (or any other class) is proposed
    expect(job.result.proposedDepartures.map((d: any) => [d.personalFileNumber, d.class]).sort()).toEqual(
      fiveA.slice(0, 2).map((r) => [r['№ личного дела'], '5А']).sort(),
    );
    const open = async () =>
      ((await t.db.query(
        `SELECT count(*)::int AS n FROM enrollment e JOIN student s ON s.id = e.student_id
          WHERE s.school_id = $1 AND s.personal_file_number = ANY($2::text[]) AND e.ends_on IS NULL`,
        [school.id, fiveA.slice(0, 2).map((r) => r['№ личного дела'])],
      )) as Array<{ n: number }>)[0].n;
    expect(await open()).toBe(2);
    const applied = await importFile('class-lists', await toXlsx(kept), XLSX, { applyDepartures: 'true', date: '2027-10-01', orderNumber: '25-о' });
    expect(applied.result).toMatchObject({ applied: true, departed: 2, proposedDepartures: [] });
    expect(await open()).toBe(0);
    const departures = (await t.db.query(
      `SELECT order_number FROM movement m JOIN student s ON s.id = m.student_id
        WHERE s.school_id = $1 AND s.personal_file_number = ANY($2::text[]) AND m.kind = 'departure'`,
      [school.id, fiveA.slice(0, 2).map((r) => r['№ личного дела'])],
    )) as Array<{ order_number: string }>;
    expect(departures).toEqual([{ order_number: '25-о' }, { order_number: '25-о' }]);
    // they come back with the whole file: arrivals again
    const back = await importFile('class-lists', xlsx, XLSX, { date: '2027-10-02', orderNumber: '26-у' });
    expect(back.result).toMatchObject({ applied: true, arrived: 2, created: 0 });
  }, 60_000);

  it('an import that causes movement needs an order number', async () => {
    const job = await importFile('class-lists', await toXlsx([{ ...rows[0], '№ личного дела': 'ИМ-без-приказа', Класс: '7Б' }]), XLSX, { orderNumber: '' });
    expect(job.result.applied).toBe(false);
    expect(job.result.errors[0].message).toContain('номер приказа');
  }, 60_000);

  it('the safety threshold refuses a large change unless confirmed', async () => {
    const sixB = rows.filter((r) => r['Класс'] === '6Б');
    // half of 6Б moves to 6В
    const moved = rows.map((r, i) => (r['Класс'] === '6Б' && i % 2 === 0 ? { ...r, Класс: '6В' } : r));
    const refused = await importFile('class-lists', await toXlsx(moved), XLSX, { date: '2027-10-03' });
    expect(refused.result.applied).toBe(false);
    const messages = (refused.result.errors as Array<{ message: string }>).map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^класс 6Б: .* из ${sixB.length} .* больше допустимых 30 %`))]));
    const confirmed = await importFile('class-lists', await toXlsx(moved), XLSX, { date: '2027-10-03', confirm: 'true' });
    expect(confirmed.result).toMatchObject({ applied: true, transferred: moved.filter((r, i) => r['Класс'] === '6В' && rows[i]['Класс'] === '6Б').length });
    expect(sixB.length).toBeGreaterThanOrEqual(20);
  }, 60_000);

  describe('malformed files get a clear report', () => {
    const expectReport = async (body: Buffer, contentType: string, pattern: RegExp) => {
      const job = await importFile('class-lists', body, contentType);
      expect(job.status).toBe('succeeded');
      expect(job.result.applied).toBe(false);
      expect(job.result.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(pattern);
      return job;
    };

    it('not a spreadsheet', async () => {
      await expectReport(Buffer.concat([Buffer.from([0, 1, 2, 3, 0xff, 0]), randomBytes(2000)]), 'application/octet-stream', /не является таблицей/);
    });
    it('an old XLS', async () => {
      await expectReport(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(500)]), 'application/octet-stream', /XLS/);
    });
    it('a broken ZIP', async () => {
      await expectReport(Buffer.concat([xlsx.subarray(0, 3000), randomBytes(3000)]), XLSX, /архив повреждён/);
    });
    it('an empty file', async () => {
      await expectReport(Buffer.alloc(0), 'text/csv', /Файл пуст/);
    });
    it('wrong columns', async () => {
      await expectReport(Buffer.from('Имя;Возраст\nАня;10\n', 'utf8'), 'text/csv', /нет обязательных столбцов: «№ личного дела», «Фамилия», «Дата рождения», «Пол», «Класс»/);
    });
    it('a broken CSV (an unclosed quote)', async () => {
      await expectReport(Buffer.from(`${CLASS_LIST_HEADERS.join(';')}\n"ИМ-1;Иванов\n`, 'utf8'), 'text/csv', /незакрытая кавычка в строке 2/);
    });
    it('10 MB of garbage: within the limit a report, over it 413 problem+json', async () => {
      await expectReport(randomBytes(9 * 1024 * 1024), 'application/octet-stream', /не является таблицей/);
      const res = await t.http
        .post('/api/v1/imports/class-lists')
        .query({ academicYearId: yearId })
        .set('authorization', secretary)
        .set('content-type', 'application/octet-stream')
        .send(randomBytes(10 * 1024 * 1024 + 1));
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('payload-too-large');
    }, 60_000);
    it('formulas: a cached value is used, a formula without one is reported', async () => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Список');
      sheet.addRow(CLASS_LIST_HEADERS);
      const base = (n: string) => CLASS_LIST_HEADERS.map((h) => rows[0][h] ?? null).map((v, i) => (i === 0 ? n : i === 6 ? '11Г' : v));
      sheet.addRow(base('ИМ-ф1'));
      sheet.addRow(base('ИМ-ф2'));
      sheet.getCell('B2').value = { formula: 'UPPER("Формулов")', result: 'ФОРМУЛОВ' } as ExcelJS.CellFormulaValue;
      sheet.getCell('B3').value = { formula: 'CONCATENATE("А","Б")' } as ExcelJS.CellFormulaValue;
      const job = await expectReport(Buffer.from(await wb.xlsx.writeBuffer()), XLSX, /формула без значения \(=CONCATENATE/);
      expect(job.result.errors).toEqual([{ row: 3, column: 'Фамилия', message: expect.stringContaining('формула без значения') }]);
    });
    it('dates as text and as Excel serials import', async () => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Список');
      // another column order and header spelling: case, «ё» and spaces do not matter
      const headers = [...CLASS_LIST_HEADERS].reverse().map((h) => h.toUpperCase().replace(/ /g, '  '));
      sheet.addRow(headers);
      const row = (n: string, date: string | number) =>
        [...CLASS_LIST_HEADERS].reverse().map((h) => (h === '№ личного дела' ? n : h === 'Дата рождения' ? date : h === 'Класс' ? '1Г' : (rows[0][h] ?? null)));
      sheet.addRow(row('ИМ-д1', '05.03.2020'));
      sheet.addRow(row('ИМ-д2', '2020-03-05'));
      sheet.addRow(row('ИМ-д3', 43895)); // 2020-03-05 as an Excel serial number
      const job = await importFile('class-lists', Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
      expect(job.result).toMatchObject({ applied: true, created: 3, errorCount: 0 });
      const dates = (await t.db.query(
        `SELECT to_char(birth_date, 'YYYY-MM-DD') AS d FROM student WHERE school_id = $1 AND personal_file_number LIKE 'ИМ-д%'`,
        [school.id],
      )) as Array<{ d: string }>;
      expect(dates.map((d) => d.d)).toEqual(['2020-03-05', '2020-03-05', '2020-03-05']);
    });
    it('a JSON body is refused with 415 before any job', async () => {
      const res = await t.http.post('/api/v1/imports/class-lists').query({ academicYearId: yearId }).set('authorization', secretary).send({ file: 'x' });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('unsupported-media-type');
    });
    it('a spreadsheet body on another route is refused with 415', async () => {
      const res = await t.http.post('/api/v1/staff').set('authorization', secretary).set('content-type', 'text/csv').send('a;b');
      expect(res.status).toBe(415);
    });
    it('a spreadsheet body on an unknown route answers 404 as any other request', async () => {
      const res = await t.http.post('/api/v1/imports/nothing').set('authorization', secretary).set('content-type', 'text/csv').send('a;b');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('route-not-found');
    });
  });

  it('export then import changes nothing', async () => {
    const exported = await download(`/api/v1/academic-years/${yearId}/class-lists/export`);
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM enrollment e JOIN school_class c ON c.id = e.class_id WHERE c.academic_year_id = $1 AND e.ends_on IS NULL`,
      [yearId],
    )) as Array<{ n: number }>;
    const audit = await auditCount();
    const job = await importFile('class-lists', exported, XLSX);
    expect(job.result).toMatchObject({ applied: false, errorCount: 0, rows: n, unchanged: n, proposedDepartures: [] });
    expect(await auditCount()).toBe(audit);
  }, 60_000);

  it('templates are XLSX with the import headers and an instruction sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('/api/v1/imports/class-lists/template')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Список', 'Инструкция']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(CLASS_LIST_HEADERS);
    expect(wb.worksheets[0].rowCount).toBe(1);
    const staff = new ExcelJS.Workbook();
    await staff.xlsx.load((await download('/api/v1/imports/staff/template')) as unknown as ArrayBuffer);
    expect((staff.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['Табельный номер', 'Фамилия', 'Имя', 'Отчество', 'Должности']);
  });

  it('staff import by табельный номер is idempotent, and export then import changes nothing', async () => {
    const headers = ['Табельный номер', 'Фамилия', 'Имя', 'Отчество', 'Должности'];
    const staffRows = [
      { 'Табельный номер': 'Т-001', Фамилия: 'Ёлкина', Имя: 'Мария', Отчество: 'Петровна', Должности: 'учитель математики; классный руководитель' },
      { 'Табельный номер': 'Т-002', Фамилия: 'Сидоров', Имя: 'Пётр', Отчество: null, Должности: 'учитель физики' },
      { 'Табельный номер': 'Т-003', Фамилия: 'Ким', Имя: 'Виктор', Отчество: 'Алексеевич', Должности: 'заместитель директора по УВР, учитель истории' },
    ];
    const file = await toXlsx(staffRows, headers);
    const first = await importFile('staff', file, XLSX);
    expect(first.result).toMatchObject({ applied: true, created: 3, updated: 0, errorCount: 0 });
    const audit = await auditCount();
    const second = await importFile('staff', file, XLSX);
    expect(second.result).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 3 });
    expect(await auditCount()).toBe(audit);
    const [elkina] = (await t.db.query(`SELECT positions FROM staff WHERE school_id = $1 AND personnel_number = 'Т-001'`, [school.id])) as Array<{
      positions: string[];
    }>;
    expect(elkina.positions).toEqual(['учитель математики', 'классный руководитель']);
    // a changed row updates by the number
    const renamed = await importFile('staff', await toXlsx([{ ...staffRows[1], Фамилия: 'Сидоренко' }], headers), XLSX);
    expect(renamed.result).toMatchObject({ applied: true, updated: 1 });
    // the whole staff list (seeded staff have no number: found by ФИО) round-trips
    const exported = await download('/api/v1/staff/export');
    const again = await importFile('staff', exported, XLSX);
    expect(again.result).toMatchObject({ applied: false, errorCount: 0, created: 0, updated: 0 });
    expect(await auditCount()).toBe(audit + 1);
  }, 60_000);
});
