// Figure of the dated lessons: the time to materialise a school year of dated lessons for a whole generated school
// (generateSchool({ seed, startYear: 2026, schoolNumber }) with the most classes among a few seeds: 40 classes,
// ~36,000 lessons), against a hand-written floor measured in the same run, alternating rounds:
//  - service: in one transaction with the audit context set, DELETE the school's lessons, then
//    deriveLessons(m, the whole academic year) (dist/modules/schedule/lesson-derivation.js) through a TypeORM
//    DataSource built from dist; the deriveLessons call and the whole transaction are timed. Then, in a transaction of
//    its own, deriveLessons again over the same year when nothing changed (the no-op re-derivation), timed.
//  - floor: after the same DELETE, in one transaction with the same audit context, one INSERT INTO lesson … SELECT
//    (LESSONS_FLOOR_SQL below): timetable_entry × the dates of the year × the school days of the class's grade,
//    computed in SQL from academic_year, week_pattern (5 days when the grade has no pattern), holiday (the class's grade
//    band) and calendar_day (non_working removes a date, working restores one unless a holiday covers it) — the rules of
//    WorkingCalendar. The generated school has no dated changes (timetable_change), so the floor ignores them; it
//    checks that there are none. After every floor run the floor's rows must equal the service's (count and an md5 over
//    all rows): otherwise the bench fails instead of printing a ratio.
//
// Standalone: `npm run build && node test/bench/lessons-bench.mjs` (needs a PostgreSQL: BENCH_PG_URL, default
// postgres://postgres@127.0.0.1:5432/postgres). It creates and drops its own database.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrlOf, median } from './bench-utils.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The hand-written derivation of dated lessons without dated changes, in one statement: $1 school, $2 and $3 the
 * dates (inclusive), $4 the classes (uuid[]) or NULL for the whole school. Shared with the timetable bench's floor.
 * Lessons already there for a slot (a lesson with journal data, which the deletes keep) stay as they are.
 */
export const LESSONS_FLOOR_SQL = `
  WITH days AS MATERIALIZED (
    SELECT g.grade, d.on,
           coalesce((SELECT c.timetable_weekday FROM calendar_day c WHERE c.academic_year_id = y.id AND c.date = d.on), extract(isodow FROM d.on)::int) AS wd
      FROM (SELECT $2::date + i AS on FROM generate_series(0, $3::date - $2::date) AS i) d
      JOIN academic_year y ON y.school_id = $1 AND d.on BETWEEN y.starts_on AND y.ends_on
     CROSS JOIN (SELECT DISTINCT grade FROM school_class WHERE school_id = $1) g
     WHERE NOT EXISTS (SELECT 1 FROM holiday h WHERE h.academic_year_id = y.id AND g.grade BETWEEN h.grade_from AND h.grade_to
                          AND d.on BETWEEN h.starts_on AND h.ends_on)
       AND NOT EXISTS (SELECT 1 FROM calendar_day c WHERE c.academic_year_id = y.id AND c.date = d.on AND c.kind = 'non_working')
       AND (EXISTS (SELECT 1 FROM calendar_day c WHERE c.academic_year_id = y.id AND c.date = d.on AND c.kind = 'working')
            OR extract(isodow FROM d.on) <= coalesce((SELECT p.days_per_week FROM week_pattern p
                                                       WHERE p.academic_year_id = y.id AND g.grade BETWEEN p.grade_from AND p.grade_to
                                                       ORDER BY p.grade_from LIMIT 1), 5))
  )
  INSERT INTO lesson (school_id, teaching_assignment_id, date, lesson_number, staff_id, room_id, timetable_entry_id)
  SELECT e.school_id, e.teaching_assignment_id, s.on, e.lesson_number, a.staff_id, e.room_id, e.id
    FROM timetable_entry e
    JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
    JOIN school_class c ON c.id = a.class_id
    JOIN days s ON s.grade = c.grade AND s.wd = e.weekday
                AND e.valid_from <= s.on AND (e.valid_to IS NULL OR e.valid_to > s.on)
   WHERE e.school_id = $1 AND e.valid_from <= $3::date AND (e.valid_to IS NULL OR e.valid_to > $2::date)
     AND ($4::uuid[] IS NULL OR a.class_id = ANY($4::uuid[]))
  ON CONFLICT (teaching_assignment_id, date, lesson_number) DO NOTHING`;

/** Count and md5 of a school's lessons (optionally of some classes, without the entry ids: those change on a rewrite). */
export async function lessonChecksum(pg, schoolId, classIds = null) {
  const entry = classIds === null ? `|| coalesce(l.timetable_entry_id::text, '')` : '';
  const { rows } = await pg.query(
    `SELECT count(*)::int AS n,
            md5(coalesce(string_agg(l.teaching_assignment_id || '|' || l.date || '|' || l.lesson_number || '|' || l.staff_id || '|' ||
                coalesce(l.room_id::text, '') || '|' || coalesce(l.timetable_change_id::text, '') || '|' || l.cancelled ${entry}, ','
                ORDER BY l.teaching_assignment_id, l.date, l.lesson_number), '')) AS md5
       FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
      WHERE l.school_id = $1 AND ($2::uuid[] IS NULL OR a.class_id = ANY($2::uuid[]))`,
    [schoolId, classIds],
  );
  return rows[0];
}

export async function measureLessons(root, { pgAdminUrl, rounds = 5 } = {}) {
  require(`${root}/node_modules/reflect-metadata`);
  const { Client } = require(`${root}/node_modules/pg`);
  const { DataSource } = require(`${root}/node_modules/typeorm`);
  const { runMigrations } = require(`${root}/dist/database/runtime.js`);
  const { dataSourceOptions } = require(`${root}/dist/database/data-source-options.js`);
  const { ENTITIES } = require(`${root}/dist/database/entities.js`);
  const { generateSchool } = require(`${root}/dist/database/seed/generator/index.js`);
  const { schoolUsers, seedSchool } = require(`${root}/dist/database/seed/seed-school.js`);
  const { deriveLessons } = require(`${root}/dist/modules/schedule/lesson-derivation.js`);
  const { setAuditContext } = require(`${root}/dist/database/audit-context.subscriber.js`);
  const { systemContext } = require(`${root}/dist/common/context/request-context.js`);
  const database = `ejournal_bench_lessons_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  let ds;
  let pg;
  try {
    await admin.query(`CREATE DATABASE "${database}" ENCODING 'UTF8'`);
    const databaseUrl = databaseUrlOf(pgAdminUrl, database);
    await runMigrations(databaseUrl);
    // the generated school with the most classes among the first seeds
    let g;
    let seed;
    for (let s = 1; s <= 12; s++) {
      const candidate = generateSchool({ seed: s, startYear: 2026, schoolNumber: s });
      if (!g || candidate.classes.length > g.classes.length) [g, seed] = [candidate, s];
      if (g.classes.length >= 40) break;
    }
    ds = new DataSource({ ...dataSourceOptions(databaseUrl, 2, 'ejournal-bench'), entities: ENTITIES, logging: ['error'], maxQueryExecutionTime: 0 });
    await ds.initialize();
    const seeded = await ds.transaction((m) => seedSchool(m, g, schoolUsers(g, seed, 'bench-only-password')));
    const { schoolId } = seeded;
    await ds.query('ANALYZE'); // statistics of the fresh tables, for both sides' plans
    const scope = { schoolId, from: g.academicYear.startsOn, to: g.academicYear.endsOn };
    pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    const { rows: changes } = await pg.query(`SELECT count(*)::int AS n FROM timetable_change WHERE school_id = $1`, [schoolId]);
    if (changes[0].n !== 0) throw new Error(`the generated school has ${changes[0].n} dated changes; the floor ignores them`);
    const { rows: counts } = await pg.query(
      `SELECT (SELECT count(*)::int FROM school_class WHERE school_id = $1) AS classes,
              (SELECT count(*)::int FROM timetable_entry WHERE school_id = $1) AS entries`,
      [schoolId],
    );
    const seededSum = await lessonChecksum(pg, schoolId);

    const service = async () => {
      await pg.query('VACUUM ANALYZE lesson');
      let deriveMs;
      let result;
      const t0 = performance.now();
      await ds.transaction(async (m) => {
        await setAuditContext(m, systemContext('bench', schoolId));
        await m.query(`DELETE FROM lesson WHERE school_id = $1`, [schoolId]);
        const t1 = performance.now();
        result = await deriveLessons(m, scope);
        deriveMs = performance.now() - t1;
      });
      const txMs = performance.now() - t0;
      let noop;
      const t2 = performance.now();
      await ds.transaction(async (m) => {
        await setAuditContext(m, systemContext('bench', schoolId));
        noop = await deriveLessons(m, scope);
      });
      const noopMs = performance.now() - t2;
      if (noop.inserted + noop.updated + noop.deleted !== 0) throw new Error(`the no-op re-derivation changed rows: ${JSON.stringify(noop)}`);
      return { deriveMs, txMs, noopMs, inserted: result.inserted };
    };
    const floor = async () => {
      await pg.query('VACUUM ANALYZE lesson');
      const t0 = performance.now();
      await pg.query('BEGIN');
      try {
        await setAuditContext(pg, systemContext('bench', schoolId));
        await pg.query(`DELETE FROM lesson WHERE school_id = $1`, [schoolId]);
        const t1 = performance.now();
        const { rowCount } = await pg.query(LESSONS_FLOOR_SQL, [schoolId, scope.from, scope.to, null]);
        const insertMs = performance.now() - t1;
        await pg.query('COMMIT');
        return { insertMs, txMs: performance.now() - t0, inserted: rowCount };
      } catch (e) {
        await pg.query('ROLLBACK');
        throw e;
      }
    };
    const same = (a, b) => a.n === b.n && a.md5 === b.md5;
    // rows that differ from the reference (the first derivation, kept in a table of the bench's database), both ways
    const columns = `teaching_assignment_id, date, lesson_number, staff_id, room_id, timetable_entry_id, timetable_change_id, cancelled`;
    const check = async (who, inserted) => {
      const sum = await lessonChecksum(pg, schoolId);
      if (same(sum, reference) && inserted === reference.n) return;
      const { rows } = await pg.query(
        `(SELECT 'missing' AS side, ${columns} FROM bench_expected EXCEPT SELECT 'missing', ${columns} FROM lesson WHERE school_id = $1 LIMIT 5)
         UNION ALL
         (SELECT 'extra', ${columns} FROM lesson WHERE school_id = $1 EXCEPT SELECT 'extra', ${columns} FROM bench_expected LIMIT 5)`,
        [schoolId],
      );
      throw new Error(`${who}: the lessons (${JSON.stringify(sum)}, ${inserted} inserted) differ from the service's first derivation ${JSON.stringify(reference)}; e.g. ${JSON.stringify(rows)}`);
    };

    // warm-up (JIT, plans), not counted; the first derivation must give the seed's lessons and is the reference
    const warm = await service();
    const reference = await lessonChecksum(pg, schoolId);
    if (!same(reference, seededSum) || warm.inserted !== seededSum.n) {
      throw new Error(`deriveLessons gave ${JSON.stringify(reference)} (${warm.inserted} inserted), the seed ${JSON.stringify(seededSum)}`);
    }
    await pg.query(`CREATE TABLE bench_expected AS SELECT ${columns} FROM lesson WHERE school_id = $1`, [schoolId]);
    await check('floor (warm-up)', (await floor()).inserted);
    const runs = { service: [], floor: [] };
    for (let r = 1; r <= rounds; r++) {
      const s = await service();
      await check(`service, round ${r}`, s.inserted);
      runs.service.push(s);
      const f = await floor();
      await check(`floor, round ${r}`, f.inserted);
      runs.floor.push(f);
    }
    const p50 = (xs, k) => +median(xs.map((x) => x[k])).toFixed(1);
    const serviceP50 = median(runs.service.map((x) => x.deriveMs));
    const floorP50 = median(runs.floor.map((x) => x.insertMs));
    return {
      seed, classes: counts[0].classes, entries: counts[0].entries, lessons: reference.n, from: scope.from, to: scope.to, rounds,
      serviceP50Ms: +serviceP50.toFixed(1), serviceTxP50Ms: p50(runs.service, 'txMs'), noopP50Ms: p50(runs.service, 'noopMs'),
      floorP50Ms: +floorP50.toFixed(1), floorTxP50Ms: p50(runs.floor, 'txMs'), ratio: +(serviceP50 / floorP50).toFixed(2),
      txRatio: +(median(runs.service.map((x) => x.txMs)) / median(runs.floor.map((x) => x.txMs))).toFixed(2),
      runs: {
        service: runs.service.map((x) => +x.deriveMs.toFixed(1)), serviceTx: runs.service.map((x) => +x.txMs.toFixed(1)),
        noop: runs.service.map((x) => +x.noopMs.toFixed(1)), floor: runs.floor.map((x) => +x.insertMs.toFixed(1)),
        floorTx: runs.floor.map((x) => +x.txMs.toFixed(1)),
      },
    };
  } finally {
    if (pg) await pg.end().catch(() => {});
    if (ds?.isInitialized) await ds.destroy().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

export function describeLessons(r) {
  return [
    `dated lessons of a school year (${r.from} … ${r.to}): ${r.lessons} lessons of ${r.classes} classes (${r.entries} timetable entries, generated school seed ${r.seed})`,
    `  deriveLessons (whole year, after DELETE) p50 ${r.serviceP50Ms} ms (rounds ${r.runs.service.join(', ')}); whole transaction p50 ${r.serviceTxP50Ms} ms (rounds ${r.runs.serviceTx.join(', ')})`,
    `  no-op re-derivation (nothing changed) p50 ${r.noopP50Ms} ms (rounds ${r.runs.noop.join(', ')})`,
    `  floor: one INSERT … SELECT of the same rows p50 ${r.floorP50Ms} ms (rounds ${r.runs.floor.join(', ')}); whole transaction p50 ${r.floorTxP50Ms} ms (rounds ${r.runs.floorTx.join(', ')})`,
    `  ratio service / floor: ${r.ratio} (transactions: ${r.txRatio}); medians of ${r.rounds} alternating rounds, rows checked equal after each floor run`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(here, '..', '..');
  const r = await measureLessons(root, {
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    rounds: Number(process.env.BENCH_ROUNDS ?? 5),
  });
  process.stdout.write(`${describeLessons(r)}\n`);
}
