import { ASSIGNMENT_ORDER, assignmentOrderValues } from '../contingent/teaching-assignment.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, notFound, ProblemError, validationProblem } from '../../common/errors/problem';
import { Page, paginate } from '../../common/pagination/pagination';
import { classDisplayName } from '../contingent/class-rules';
import { TeachingAssignment } from '../contingent/entities/teaching-assignment.entity';
import { assertAssignmentInReach, assignmentInReach, namedParams, positionalParams } from '../contingent/reach/reach';
import { personFullName } from '../contingent/person-rules';
import { rawFileBody } from '../imports/imports.service';
import { safeFileName } from '../imports/xlsx-files';
import { CopyPlanDto, CopyPlanResponse, PlanListQuery, PlanResponse, PlanSummaryResponse, PlanTopicResponse, ReplacePlanDto, ReturnPlanDto } from './dto/plan.dto';
import { TopicKind } from './entities/plan-topic.entity';
import { PlanStatus } from './entities/thematic-plan.entity';
import { planWorkbook, PlanTopicInput, readPlanFile } from './plan-xlsx';
import { compareHours, editable, TRANSITIONS } from './planning-rules';

interface SummaryRow {
  assignment_id: string;
  academic_year_id: string;
  year_name: string;
  class_id: string;
  grade: number;
  letter: string;
  subgroup_id: string | null;
  subgroup_name: string | null;
  subject_id: string;
  subject_name: string;
  staff_id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  plan_id: string | null;
  status: PlanStatus | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  approved_by_user_id: string | null;
  note: string | null;
  topic_count: number;
  planned: string;
  curriculum: string | null;
}

/**
 * One row per assignment: the plan (if written), its topic count and hours, and the curriculum hours of the class and
 * subject (the class's own row, else its grade's). A subgroup studies the whole course: it compares with the class.
 */
const SUMMARY_SQL = `
  SELECT a.id AS assignment_id, a.academic_year_id, y.name AS year_name, a.class_id, c.grade, c.letter, a.subgroup_id,
         g.name AS subgroup_name, a.subject_id, sj.name AS subject_name, a.staff_id, st.surname, st.name, st.patronymic,
         p.id AS plan_id, p.status, p.submitted_at, p.approved_at, p.approved_by_user_id, p.note,
         coalesce(t.n, 0)::int AS topic_count, coalesce(t.hours, 0)::text AS planned,
         coalesce(co.hours_per_year, cg.hours_per_year)::text AS curriculum
    FROM teaching_assignment a
    JOIN academic_year y ON y.id = a.academic_year_id
    JOIN school_class c ON c.id = a.class_id
    JOIN subject sj ON sj.id = a.subject_id
    JOIN staff st ON st.id = a.staff_id
    LEFT JOIN subgroup g ON g.id = a.subgroup_id
    LEFT JOIN thematic_plan p ON p.teaching_assignment_id = a.id
    LEFT JOIN LATERAL (SELECT count(*) AS n, sum(pt.hours) AS hours FROM plan_topic pt WHERE pt.plan_id = p.id) t ON TRUE
    LEFT JOIN curriculum_hours co ON co.school_id = a.school_id AND co.class_id = a.class_id AND co.subject_id = a.subject_id
    LEFT JOIN curriculum_hours cg ON cg.school_id = a.school_id AND cg.academic_year_id = a.academic_year_id AND cg.class_id IS NULL
                                 AND cg.grade = c.grade AND cg.subject_id = a.subject_id
   WHERE a.id = ANY($1::uuid[]) AND a.school_id = $2`;

function toSummary(r: SummaryRow): PlanSummaryResponse {
  const planned = Number(r.planned);
  const cmp = compareHours(planned, r.curriculum === null ? null : Number(r.curriculum));
  return {
    assignmentId: r.assignment_id,
    academicYearId: r.academic_year_id,
    classId: r.class_id,
    className: classDisplayName(r.grade, r.letter),
    subgroupId: r.subgroup_id,
    subgroupName: r.subgroup_name,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    staffId: r.staff_id,
    teacherName: personFullName(r),
    status: r.status ?? PlanStatus.Draft,
    topicCount: r.topic_count,
    plannedHours: cmp.planned,
    curriculumHours: cmp.curriculum,
    difference: cmp.difference,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    approvedByUserId: r.approved_by_user_id,
    note: r.note,
  };
}

const STATUS_NAMES: Record<PlanStatus, string> = {
  [PlanStatus.Draft]: 'a draft',
  [PlanStatus.Submitted]: 'submitted',
  [PlanStatus.Approved]: 'approved',
  [PlanStatus.Returned]: 'returned',
};

/** The 409 of a plan that may not be edited: `plan-approved` (return it first) or `plan-submitted`. */
function notEditable(status: PlanStatus, assignmentId?: string): ProblemError {
  const ext = assignmentId ? { assignmentId } : undefined;
  if (status === PlanStatus.Approved) {
    return conflict('plan-approved', 'The plan is approved: the deputy must return it before it can be changed', ext);
  }
  return conflict('plan-submitted', 'The plan is submitted for approval: it can be changed after it is returned', ext);
}

/**
 * Thematic plans (КТП, R-PLN-1, 2, 4): a plan per teaching assignment, written by its teacher (the deputy and the
 * administrator may write any), submitted, approved or returned by the deputy (or the administrator); an approved plan's
 * hours equal the curriculum's. Reach: `assignmentInReach` — a teacher reaches their own assignments, another
 * teacher's answers 404.
 *
 * Extension point for the dated lessons (R-PLN-3): `topicsOf(m, planId)` returns the ordered topics with their hours
 * and `topicPerLesson` (planning-rules.ts) says which topic each consecutive lesson gets, one hour a lesson; laying them
 * onto the assignment's dated lessons (skipping holidays and cancelled ones), re-laying after timetable changes and
 * coverage belong to the lessons module, which does not exist yet.
 */
@Injectable()
export class PlanService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Actor, assignmentId: string): Promise<PlanResponse> {
    await assertAssignmentInReach(this.db.manager, actor, assignmentId, 'read');
    return this.plan(this.db.manager, actor.schoolId, assignmentId);
  }

  async list(actor: Actor, yearId: string, query: PlanListQuery): Promise<Page<PlanSummaryResponse>> {
    const years: unknown[] = await this.db.query('SELECT 1 FROM academic_year WHERE id = $1 AND school_id = $2', [yearId, actor.schoolId]);
    if (years.length === 0) throw notFound('Academic year');
    const reach = namedParams();
    const qb = this.db.manager
      .getRepository(TeachingAssignment)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.subject', 'sj')
      .innerJoinAndSelect('a.schoolClass', 'c')
      .leftJoinAndSelect('a.subgroup', 'g')
      .leftJoin('thematic_plan', 'p', 'p.teaching_assignment_id = a.id')
      .where('a.school_id = :school AND a.academic_year_id = :year', { school: actor.schoolId, year: yearId })
      .andWhere(assignmentInReach(actor, 'a.id', reach.bind, 'read'), reach.params);
    if (query.status !== undefined) qb.andWhere(`coalesce(p.status, 'draft') = :status`, { status: query.status });
    if (query.classId !== undefined) qb.andWhere('a.class_id = :classId', { classId: query.classId });
    if (query.staffId !== undefined) qb.andWhere('a.staff_id = :staffId', { staffId: query.staffId });
    if (query.subjectId !== undefined) qb.andWhere('a.subject_id = :subjectId', { subjectId: query.subjectId });
    const page = await paginate(qb, ASSIGNMENT_ORDER, query, assignmentOrderValues, (a) => a.id);
    const summaries = await this.summaries(this.db.manager, actor.schoolId, page.items);
    return { items: page.items.map((id) => toSummary(summaries.get(id) as SummaryRow)), nextCursor: page.nextCursor };
  }

  async replace(actor: Actor, assignmentId: string, dto: ReplacePlanDto): Promise<PlanResponse> {
    const topics: PlanTopicInput[] = dto.topics.map((t) => ({ title: t.title.trim(), hours: t.hours, kind: t.kind, notes: t.notes?.trim() || null }));
    return this.writeTopics(actor, assignmentId, topics);
  }

  /** The plan from an XLSX (or CSV) file: all or nothing; 422 `plan-file-invalid` names each bad row and column. */
  async import(actor: Actor, assignmentId: string, body: unknown, contentType: string | undefined): Promise<PlanResponse> {
    await assertAssignmentInReach(this.db.manager, actor, assignmentId, 'write');
    const file = rawFileBody(body, contentType);
    const read = await readPlanFile(file.content);
    if ('errors' in read) {
      const first = read.errors[0];
      throw new ProblemError(
        422,
        'plan-file-invalid',
        'The plan file has errors',
        `${read.errors.length} error(s); first: ${first.row === null ? '' : `row ${first.row}, `}${first.column ?? ''} ${first.message}`.trim(),
        undefined,
        { rowErrors: read.errors },
      );
    }
    return this.writeTopics(actor, assignmentId, read.topics);
  }

  async export(actor: Actor, assignmentId: string): Promise<{ fileName: string; content: Buffer }> {
    const plan = await this.get(actor, assignmentId);
    const s = (await this.summaries(this.db.manager, actor.schoolId, [assignmentId])).get(assignmentId) as SummaryRow;
    const className = plan.subgroupName ? `${plan.className} (${plan.subgroupName})` : plan.className;
    const content = await planWorkbook(
      { className, subjectName: plan.subjectName, teacherName: plan.teacherName, yearName: s.year_name },
      plan.topics,
    );
    return { fileName: `${safeFileName(`КТП ${className} ${plan.subjectName} ${s.year_name.replace('/', '-')}`)}.xlsx`, content };
  }

  async submit(actor: Actor, assignmentId: string): Promise<PlanResponse> {
    return this.db.transaction(async (m) => {
      const plan = await this.locked(m, actor, assignmentId, 'write');
      if (plan === null || plan.topicCount === 0) throw conflict('plan-empty', 'The plan has no topics yet');
      this.assertTransition('submit', plan.status);
      await m.query(`UPDATE thematic_plan SET status = 'submitted', submitted_at = now(), updated_at = now() WHERE id = $1`, [plan.id]);
      return this.plan(m, actor.schoolId, assignmentId);
    });
  }

  /**
   * The deputy approves a submitted plan whose hours equal the curriculum's: otherwise 409 `plan-hours-mismatch` with
   * planned, curriculum and difference, or 409 `no-curriculum` when the curriculum has no row for the class and subject.
   */
  async approve(actor: Actor, assignmentId: string): Promise<PlanResponse> {
    return this.db.transaction(async (m) => {
      const plan = await this.locked(m, actor, assignmentId, 'read');
      if (plan === null) throw conflict('plan-not-submitted', 'The plan has not been submitted');
      if (!TRANSITIONS.approve.includes(plan.status)) {
        throw conflict('plan-not-submitted', `The plan is ${STATUS_NAMES[plan.status]}: only a submitted plan can be approved`);
      }
      const s = (await this.summaries(m, actor.schoolId, [assignmentId])).get(assignmentId) as SummaryRow;
      const summary = toSummary(s);
      if (summary.curriculumHours === null) {
        throw conflict('no-curriculum', `The curriculum has no hours of ${summary.subjectName} for ${summary.className}: set them first`);
      }
      if (summary.difference !== 0) {
        const cmp = { planned: summary.plannedHours, curriculum: summary.curriculumHours, difference: summary.difference };
        throw conflict(
          'plan-hours-mismatch',
          `The plan has ${cmp.planned} h, the curriculum ${cmp.curriculum} h (difference ${cmp.difference! > 0 ? '+' : ''}${cmp.difference} h)`,
          cmp,
        );
      }
      await m.query(
        `UPDATE thematic_plan SET status = 'approved', approved_at = now(), approved_by_user_id = $2, note = NULL, updated_at = now() WHERE id = $1`,
        [plan.id, actor.userId],
      );
      return this.plan(m, actor.schoolId, assignmentId);
    });
  }

  async returnPlan(actor: Actor, assignmentId: string, dto: ReturnPlanDto): Promise<PlanResponse> {
    return this.db.transaction(async (m) => {
      const plan = await this.locked(m, actor, assignmentId, 'read');
      if (plan === null || !TRANSITIONS.return.includes(plan.status)) {
        throw conflict('plan-status', `The plan is ${STATUS_NAMES[plan?.status ?? PlanStatus.Draft]}: only a submitted or approved plan can be returned`);
      }
      await m.query(
        `UPDATE thematic_plan SET status = 'returned', note = $2, approved_at = NULL, approved_by_user_id = NULL, updated_at = now() WHERE id = $1`,
        [plan.id, dto.reason.trim()],
      );
      return this.plan(m, actor.schoolId, assignmentId);
    });
  }

  /**
   * Copies the plan's topics to other assignments of the same subject and grade in the same year (по параллелям): each
   * target plan becomes a draft with these topics. Targets are the actor's own assignments unless deputy or
   * administrator (`target-invalid`, 422); an approved target answers 409 `plan-approved` unless `overwrite`.
   */
  async copy(actor: Actor, assignmentId: string, dto: CopyPlanDto): Promise<CopyPlanResponse> {
    return this.db.transaction(async (m) => {
      await assertAssignmentInReach(m, actor, assignmentId, 'read');
      const source = (await this.summaries(m, actor.schoolId, [assignmentId])).get(assignmentId) as SummaryRow;
      const topics = source.plan_id === null ? [] : await this.topicsOf(m, source.plan_id);
      if (topics.length === 0) throw conflict('plan-empty', 'The plan has no topics to copy');
      const p = positionalParams([dto.toAssignmentIds, actor.schoolId, source.academic_year_id, source.subject_id, source.grade, assignmentId]);
      const valid = new Set(
        ((await m.query(
          `SELECT a.id FROM teaching_assignment a JOIN school_class c ON c.id = a.class_id
            WHERE a.id = ANY($1::uuid[]) AND a.school_id = $2 AND a.academic_year_id = $3 AND a.subject_id = $4 AND c.grade = $5
              AND a.id <> $6 AND ${assignmentInReach(actor, 'a.id', p.bind, 'write')}
            ORDER BY a.id FOR NO KEY UPDATE OF a`,
          p.values,
        )) as Array<{ id: string }>).map((r) => r.id),
      );
      const bad = dto.toAssignmentIds
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => !valid.has(id))
        .map(({ i }) => ({ field: `toAssignmentIds[${i}]`, message: 'must be another of your assignments of the same subject and grade this year' }));
      if (bad.length > 0) throw validationProblem(bad, 'target-invalid', 'Invalid target');
      const existing = (await m.query(
        'SELECT id, teaching_assignment_id, status FROM thematic_plan WHERE teaching_assignment_id = ANY($1::uuid[]) FOR UPDATE',
        [dto.toAssignmentIds],
      )) as Array<{ id: string; teaching_assignment_id: string; status: PlanStatus }>;
      const approved = existing.filter((e) => e.status === PlanStatus.Approved).map((e) => e.teaching_assignment_id);
      if (approved.length > 0 && dto.overwrite !== true) {
        throw conflict('plan-approved', 'A target plan is approved: return it first or copy with overwrite', { assignmentIds: approved });
      }
      for (const target of dto.toAssignmentIds) {
        const planId = await this.draftPlan(m, actor.schoolId, target, true);
        await this.insertTopics(m, actor.schoolId, planId, topics);
      }
      const summaries = await this.summaries(m, actor.schoolId, dto.toAssignmentIds);
      return { items: dto.toAssignmentIds.map((id) => toSummary(summaries.get(id) as SummaryRow)) };
    });
  }

  /** The ordered topics of a plan (for the lessons module: lay them onto dated lessons, one hour a lesson). */
  async topicsOf(m: EntityManager, planId: string): Promise<PlanTopicInput[]> {
    const rows = (await m.query('SELECT title, hours::text AS hours, kind, notes FROM plan_topic WHERE plan_id = $1 ORDER BY position', [planId])) as Array<{
      title: string;
      hours: string;
      kind: TopicKind;
      notes: string | null;
    }>;
    return rows.map((r) => ({ title: r.title, hours: Number(r.hours), kind: r.kind, notes: r.notes }));
  }

  private async writeTopics(actor: Actor, assignmentId: string, topics: PlanTopicInput[]): Promise<PlanResponse> {
    return this.db.transaction(async (m) => {
      const plan = await this.locked(m, actor, assignmentId, 'write');
      if (plan !== null && !editable(plan.status)) throw notEditable(plan.status);
      const planId = plan?.id ?? (await this.draftPlan(m, actor.schoolId, assignmentId, false));
      if (plan !== null) await m.query('UPDATE thematic_plan SET updated_at = now() WHERE id = $1', [planId]);
      await this.insertTopics(m, actor.schoolId, planId, topics);
      return this.plan(m, actor.schoolId, assignmentId);
    });
  }

  /** Creates the assignment's plan as a draft, or (reset) turns the existing one into a fresh draft; returns its id. */
  private async draftPlan(m: EntityManager, schoolId: string, assignmentId: string, reset: boolean): Promise<string> {
    const rows = (await m.query(
      `INSERT INTO thematic_plan (school_id, teaching_assignment_id, status) VALUES ($1, $2, 'draft')
       ON CONFLICT (teaching_assignment_id) DO ${
         reset
           ? `UPDATE SET status = 'draft', submitted_at = NULL, approved_at = NULL, approved_by_user_id = NULL, note = NULL, updated_at = now()`
           : 'NOTHING'
       }
       RETURNING id`,
      [schoolId, assignmentId],
    )) as Array<{ id: string }>;
    if (rows.length > 0) return rows[0].id;
    return ((await m.query('SELECT id FROM thematic_plan WHERE teaching_assignment_id = $1', [assignmentId])) as Array<{ id: string }>)[0].id;
  }

  /**
   * Makes the plan's topics these, numbered 1…n: a position whose topic is unchanged is left alone, a changed one is
   * updated, the positions beyond n deleted and the new ones inserted — the audit trail records what changed, not a
   * delete and re-insert of the whole plan.
   */
  private async insertTopics(m: EntityManager, schoolId: string, planId: string, topics: readonly PlanTopicInput[]): Promise<void> {
    const arrays = [topics.map((t) => t.title), topics.map((t) => t.hours), topics.map((t) => t.kind), topics.map((t) => t.notes)];
    const x = `unnest($2::text[], $3::numeric[], $4::text[], $5::text[]) WITH ORDINALITY AS x(title, hours, kind, notes, ord)`;
    await m.query(
      `UPDATE plan_topic pt SET title = x.title, hours = x.hours, kind = x.kind, notes = x.notes, updated_at = now()
         FROM ${x}
        WHERE pt.plan_id = $1 AND pt.position = x.ord
          AND (pt.title, pt.hours, pt.kind, pt.notes) IS DISTINCT FROM (x.title, x.hours, x.kind, x.notes)`,
      [planId, ...arrays],
    );
    await m.query('DELETE FROM plan_topic WHERE plan_id = $1 AND position > $2', [planId, topics.length]);
    await m.query(
      `INSERT INTO plan_topic (school_id, plan_id, position, title, hours, kind, notes)
       SELECT $6, $1, x.ord::int, x.title, x.hours, x.kind, x.notes
         FROM ${x}
        WHERE NOT EXISTS (SELECT 1 FROM plan_topic pt WHERE pt.plan_id = $1 AND pt.position = x.ord)`,
      [planId, ...arrays, schoolId],
    );
  }

  /** Within reach (else 404), the assignment row locked; its plan (or null when never written). */
  private async locked(
    m: EntityManager,
    actor: Actor,
    assignmentId: string,
    mode: 'read' | 'write',
  ): Promise<{ id: string; status: PlanStatus; topicCount: number } | null> {
    await assertAssignmentInReach(m, actor, assignmentId, mode);
    await m.query('SELECT id FROM teaching_assignment WHERE id = $1 FOR NO KEY UPDATE', [assignmentId]);
    const rows = (await m.query(
      `SELECT p.id, p.status, (SELECT count(*) FROM plan_topic t WHERE t.plan_id = p.id)::int AS n
         FROM thematic_plan p WHERE p.teaching_assignment_id = $1 FOR UPDATE OF p`,
      [assignmentId],
    )) as Array<{ id: string; status: PlanStatus; n: number }>;
    return rows.length === 0 ? null : { id: rows[0].id, status: rows[0].status, topicCount: rows[0].n };
  }

  private assertTransition(action: 'submit', status: PlanStatus): void {
    if (!TRANSITIONS[action].includes(status)) {
      throw conflict('plan-status', `The plan is ${STATUS_NAMES[status]}: it can be submitted only as a draft or after a return`);
    }
  }

  private async summaries(m: EntityManager, schoolId: string, ids: readonly string[]): Promise<Map<string, SummaryRow>> {
    if (ids.length === 0) return new Map();
    const rows = (await m.query(SUMMARY_SQL, [ids, schoolId])) as SummaryRow[];
    return new Map(rows.map((r) => [r.assignment_id, r]));
  }

  private async plan(m: EntityManager, schoolId: string, assignmentId: string): Promise<PlanResponse> {
    const s = (await this.summaries(m, schoolId, [assignmentId])).get(assignmentId);
    if (!s) throw notFound('Teaching assignment');
    const topics: PlanTopicResponse[] =
      s.plan_id === null ? [] : (await this.topicsOf(m, s.plan_id)).map((t, i) => ({ position: i + 1, ...t }));
    return { ...toSummary(s), topics };
  }
}
