import { isUniqueViolation } from '../../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { conflict, fieldProblem, notFound, ProblemError } from '../../common/errors/problem';
import { AppConfig } from '../../config/app-config';
import { JobType } from '../../jobs/job-type';
import { JobsService } from '../../jobs/jobs.service';
import { classDisplayName } from '../contingent/class-rules';
import { assertClassManagedBy, classManagedBy, positionalParams, studentInReach } from '../contingent/reach/reach';
import {
  InvitationCodeStateResponse, InvitationState, IssuedInvitationCode, IssueInvitationCodesDto, IssueInvitationCodesResponse,
} from './dto/invitation-code.dto';
import { generateInvitationCode, hashCode, normaliseCode } from './invitation-code';
import { InvitationKind } from './invitation-code.entity';
import { InvitationSheetParams, invitationSheetSecret } from './invitation-sheet.handler';
import { InvitationSheetRow } from './invitation-sheet.xlsx';
import { seal } from './sheet-secret';

/** ФИО from the three columns of a person table aliased `a`. */
const fullName = (a: string) => `concat_ws(' ', ${a}.surname, ${a}.name, ${a}.patronymic)`;
const PEOPLE_ORDER = (a: string) =>
  `${a}.surname COLLATE "ru-RU-x-icu", ${a}.name COLLATE "ru-RU-x-icu", ${a}.patronymic COLLATE "ru-RU-x-icu", ${a}.id`;

/** The state of a code: used wins; a code that ran out before it was revoked counts as expired. */
export const CODE_STATE_SQL = `CASE
  WHEN c.used_at IS NOT NULL THEN 'used'
  WHEN c.expires_at <= coalesce(c.revoked_at, now()) THEN 'expired'
  WHEN c.revoked_at IS NOT NULL THEN 'revoked'
  ELSE 'issued' END`;

/** The students enrolled in class `$class` on the school day `$today`: [starts_on, ends_on) holds it. */
const enrolledOn = (student: string, klass: string, today: string) => `EXISTS (SELECT 1 FROM enrollment e
  WHERE e.student_id = ${student} AND e.class_id = ${klass} AND e.starts_on <= ${today} AND (e.ends_on IS NULL OR e.ends_on > ${today}))`;

interface ClassRow {
  grade: number;
  letter: string;
  today: string;
}

interface StudentRow {
  id: string;
  full_name: string;
  user_id: string | null;
}

interface PairRow {
  student_id: string;
  guardian_id: string;
  full_name: string;
  user_id: string | null;
}

interface ExistingCodeRow {
  id: string;
  student_id: string;
  guardian_id: string | null;
  live: boolean;
  unexpired: boolean;
  used: boolean;
}

interface StateRow {
  id: string;
  kind: InvitationKind;
  state: InvitationState;
  student_id: string;
  student_name: string;
  guardian_id: string | null;
  guardian_name: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

interface Target {
  kind: InvitationKind;
  studentId: string;
  studentName: string;
  guardianId: string | null;
  guardianName: string | null;
}

const pairKey = (studentId: string, guardianId: string | null) => `${studentId}/${guardianId ?? ''}`;

function toState(r: StateRow): InvitationCodeStateResponse {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    studentId: r.student_id,
    studentName: r.student_name,
    guardianId: r.guardian_id,
    guardianName: r.guardian_name,
    issuedAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    revokedAt: r.revoked_at,
  };
}

/**
 * Invitation codes of a class (R-ACC-4): the class teacher (or the admin) issues one code per student without an
 * account and one per guardian–student pair; a code is shown once (in the answer and on the printable sheet, a job),
 * the database keeps its SHA-256 only; the class page lists each code's state; a live code can be revoked.
 */
@Injectable()
export class InvitationCodesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  async issue(actor: Actor, classId: string, dto: IssueInvitationCodesDto): Promise<IssueInvitationCodesResponse> {
    const kinds = new Set(dto.kinds ?? [InvitationKind.Student, InvitationKind.Guardian]);
    let outcome: { codes: IssuedInvitationCode[]; skipped: number; job: Awaited<ReturnType<JobsService['create']>> | null };
    try {
      outcome = await this.db.transaction(async (m) => {
        await assertClassManagedBy(m, actor, classId);
        // one issue per class at a time: two at once would both see "no live code" and race for the unique index
        await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('invitation-codes:' || $1::text, 0))`, [classId]);
        const klass = await this.classOf(m, actor.schoolId, classId);
        const students = await this.studentsOf(m, actor, classId, klass.today, dto.studentIds);
        const targets = await this.targetsOf(m, actor.schoolId, students, kinds);
        const existing = (await m.query(
          `SELECT c.id, c.student_id, c.guardian_id, (c.used_at IS NULL AND c.revoked_at IS NULL) AS live,
                  c.expires_at > now() AS unexpired, c.used_at IS NOT NULL AS used
             FROM invitation_code c WHERE c.school_id = $1 AND c.student_id = ANY($2::uuid[])`,
          [actor.schoolId, students.map((s) => s.id)],
        )) as ExistingCodeRow[];
        const live = new Map(existing.filter((c) => c.live).map((c) => [pairKey(c.student_id, c.guardian_id), c]));
        const used = new Set(existing.filter((c) => c.used).map((c) => pairKey(c.student_id, c.guardian_id)));
        const guardianHasAccount = new Set(targets.accounts);

        const toIssue: Target[] = [];
        const toRevoke: string[] = [];
        let skipped = targets.skipped;
        for (const t of targets.list) {
          const key = pairKey(t.studentId, t.guardianId);
          const current = live.get(key);
          // a pair already activated, whose guardian still has the account: nothing left to invite
          const activated = t.guardianId !== null && used.has(key) && guardianHasAccount.has(t.guardianId);
          if (activated || (current?.unexpired && !dto.reissue)) {
            skipped++;
            continue;
          }
          if (current) toRevoke.push(current.id);
          toIssue.push(t);
        }
        if (toRevoke.length > 0) {
          // a code activated meanwhile (the activation held its row) stays used, not revoked
          await m.query(
            `UPDATE invitation_code SET revoked_at = now(), updated_at = now()
              WHERE id = ANY($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL`,
            [toRevoke],
          );
        }
        if (toIssue.length === 0) return { codes: [], skipped, job: null };

        const codes = toIssue.map(() => generateInvitationCode());
        const hashes = codes.map((c) => hashCode(normaliseCode(c) as string));
        const inserted = (await m.query(
          `INSERT INTO invitation_code (school_id, kind, student_id, guardian_id, code_hash, expires_at, issued_by_user_id)
           SELECT $1, t.kind, t.student_id, t.guardian_id, t.code_hash, now() + make_interval(days => $2), $3
             FROM unnest($4::varchar[], $5::uuid[], $6::uuid[], $7::char(64)[]) AS t(kind, student_id, guardian_id, code_hash)
           RETURNING id, code_hash, expires_at`,
          [
            actor.schoolId,
            this.config.INVITATION_TTL_DAYS,
            actor.userId,
            toIssue.map((t) => t.kind),
            toIssue.map((t) => t.studentId),
            toIssue.map((t) => t.guardianId),
            hashes,
          ],
        )) as Array<{ id: string; code_hash: string; expires_at: Date }>;
        const byHash = new Map(inserted.map((r) => [r.code_hash, r]));
        const issued: IssuedInvitationCode[] = toIssue.map((t, i) => {
          const row = byHash.get(hashes[i]) as { id: string; expires_at: Date };
          return { codeId: row.id, ...t, code: codes[i], expiresAt: row.expires_at };
        });

        const className = classDisplayName(klass.grade, klass.letter);
        const sheet: InvitationSheetRow[] = issued.map((c) => ({
          studentName: c.studentName,
          guardianName: c.guardianName,
          code: c.code,
          expiresAt: c.expiresAt.toISOString(),
        }));
        const params: InvitationSheetParams = {
          classId,
          className,
          codes: issued.length,
          sealed: seal(invitationSheetSecret(this.config), actor.schoolId, sheet),
        };
        const job = await this.jobs.create(m, { type: JobType.InvitationSheet, params, schoolId: actor.schoolId, requestedBy: actor.userId });
        return { codes: issued, skipped, job };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_invitation_code_live', 'uq_invitation_code_hash')) throw conflict('codes-changed', 'The codes of this class changed meanwhile; try again');
      throw e;
    }
    if (outcome.job) await this.jobs.dispatch(outcome.job);
    return { codes: outcome.codes, skipped: outcome.skipped, sheetJobId: outcome.job?.id ?? null };
  }

  /** Every code of the students enrolled in the class today, newest first per person; never the code or its hash. */
  async list(actor: Actor, classId: string): Promise<InvitationCodeStateResponse[]> {
    return this.db.transaction(async (m) => {
      await assertClassManagedBy(m, actor, classId);
      const klass = await this.classOf(m, actor.schoolId, classId);
      const p = positionalParams([actor.schoolId, classId, klass.today]);
      const rows = (await m.query(
        `SELECT c.id, c.kind, ${CODE_STATE_SQL} AS state, c.student_id, ${fullName('s')} AS student_name,
                c.guardian_id, CASE WHEN g.id IS NULL THEN NULL ELSE ${fullName('g')} END AS guardian_name,
                c.created_at, c.expires_at, c.used_at, c.revoked_at
           FROM invitation_code c
           JOIN student s ON s.id = c.student_id
           LEFT JOIN guardian g ON g.id = c.guardian_id
          WHERE c.school_id = $1 AND ${enrolledOn('c.student_id', '$2', '$3::date')}
            AND ${studentInReach(actor, 'c.student_id', p.bind)}
          ORDER BY ${PEOPLE_ORDER('s')}, c.kind DESC, g.surname COLLATE "ru-RU-x-icu", g.name COLLATE "ru-RU-x-icu", g.id,
                   c.created_at DESC, c.id`,
        p.values,
      )) as StateRow[];
      return rows.map(toState);
    });
  }

  /**
   * Revokes a live code: the admin, or the class teacher of the class the student is in today.
   * 409 `code-not-live` when it was used or revoked already.
   */
  async revoke(actor: Actor, codeId: string): Promise<InvitationCodeStateResponse> {
    return this.db.transaction(async (m) => {
      const p = positionalParams([codeId, actor.schoolId]);
      const found = (await m.query(
        `SELECT c.id, c.student_id, c.used_at, c.revoked_at FROM invitation_code c
          WHERE c.id = $1 AND c.school_id = $2 AND ${studentInReach(actor, 'c.student_id', p.bind)}
          FOR UPDATE OF c`,
        p.values,
      )) as Array<{ id: string; student_id: string; used_at: Date | null; revoked_at: Date | null }>;
      const code = found[0];
      if (!code) throw notFound('Invitation code');
      if (!hasRole(actor, Role.Admin)) {
        const q = positionalParams([code.student_id, actor.schoolId]);
        const managed = (await m.query(
          `SELECT EXISTS (
             SELECT 1 FROM enrollment e JOIN school ON school.id = $2
              WHERE e.student_id = $1 AND e.school_id = $2
                AND e.starts_on <= school_today(school.time_zone)
                AND (e.ends_on IS NULL OR e.ends_on > school_today(school.time_zone))
                AND ${classManagedBy(actor, 'e.class_id', q.bind)}) AS ok`,
          q.values,
        )) as Array<{ ok: boolean }>;
        if (!managed[0]?.ok) {
          throw new ProblemError(403, 'not-class-teacher', 'Not the class teacher', 'Only the class teacher of the student\'s class or the administrator may do this');
        }
      }
      if (code.used_at !== null || code.revoked_at !== null) {
        throw conflict('code-not-live', code.used_at !== null ? 'The code has been used already' : 'The code has been revoked already');
      }
      await m.query(`UPDATE invitation_code SET revoked_at = now(), updated_at = now() WHERE id = $1`, [codeId]);
      const rows = (await m.query(
        `SELECT c.id, c.kind, ${CODE_STATE_SQL} AS state, c.student_id, ${fullName('s')} AS student_name,
                c.guardian_id, CASE WHEN g.id IS NULL THEN NULL ELSE ${fullName('g')} END AS guardian_name,
                c.created_at, c.expires_at, c.used_at, c.revoked_at
           FROM invitation_code c JOIN student s ON s.id = c.student_id LEFT JOIN guardian g ON g.id = c.guardian_id
          WHERE c.id = $1`,
        [codeId],
      )) as StateRow[];
      return toState(rows[0]);
    });
  }

  private async classOf(m: EntityManager, schoolId: string, classId: string): Promise<ClassRow> {
    const rows = (await m.query(
      `SELECT c.grade, c.letter, to_char(school_today(s.time_zone), 'YYYY-MM-DD') AS today
         FROM school_class c JOIN school s ON s.id = c.school_id WHERE c.id = $1 AND c.school_id = $2`,
      [classId, schoolId],
    )) as ClassRow[];
    if (!rows[0]) throw notFound('Class');
    return rows[0];
  }

  /** The class's students today (or the named ones, each of whom must be among them), in Russian order. */
  private async studentsOf(m: EntityManager, actor: Actor, classId: string, today: string, only?: string[]): Promise<StudentRow[]> {
    const p = positionalParams([actor.schoolId, classId, today, only ?? null]);
    const rows = (await m.query(
      `SELECT s.id, ${fullName('s')} AS full_name, s.user_id FROM student s
        WHERE s.school_id = $1 AND ${enrolledOn('s.id', '$2', '$3::date')}
          AND ($4::uuid[] IS NULL OR s.id = ANY($4::uuid[]))
          AND ${studentInReach(actor, 's.id', p.bind)}
        ORDER BY ${PEOPLE_ORDER('s')}`,
      p.values,
    )) as StudentRow[];
    if (only && rows.length !== only.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = only.filter((id) => !found.has(id));
      throw fieldProblem('student-not-in-class', 'studentIds', `not enrolled in this class today: ${missing.join(', ')}`, 'Student not in the class');
    }
    return rows;
  }

  /**
   * What to issue for: the student's own code when they have no account yet, and each guardian–student pair
   * (a guardian with an account still gets one: activating it while signed in links the child).
   */
  private async targetsOf(
    m: EntityManager,
    schoolId: string,
    students: StudentRow[],
    kinds: Set<InvitationKind>,
  ): Promise<{ list: Target[]; skipped: number; accounts: string[] }> {
    const list: Target[] = [];
    let skipped = 0;
    const pairs = kinds.has(InvitationKind.Guardian)
      ? ((await m.query(
          `SELECT sg.student_id, g.id AS guardian_id, ${fullName('g')} AS full_name, g.user_id
             FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
            WHERE sg.student_id = ANY($1::uuid[]) AND g.school_id = $2
            ORDER BY ${PEOPLE_ORDER('g')}`,
          [students.map((s) => s.id), schoolId],
        )) as PairRow[])
      : [];
    for (const s of students) {
      if (kinds.has(InvitationKind.Student)) {
        if (s.user_id === null) {
          list.push({ kind: InvitationKind.Student, studentId: s.id, studentName: s.full_name, guardianId: null, guardianName: null });
        } else {
          skipped++;
        }
      }
      for (const g of pairs.filter((x) => x.student_id === s.id)) {
        list.push({ kind: InvitationKind.Guardian, studentId: s.id, studentName: s.full_name, guardianId: g.guardian_id, guardianName: g.full_name });
      }
    }
    return { list, skipped, accounts: pairs.filter((g) => g.user_id !== null).map((g) => g.guardian_id) };
  }
}
