import { EntityManager } from 'typeorm';
import { LaidTopic } from './lesson-topics';

/** The topics, in plan order, of the approved plans of these assignments. */
export async function approvedTopics(m: EntityManager, assignmentIds: string[]): Promise<Map<string, LaidTopic[]>> {
  const out = new Map<string, LaidTopic[]>();
  if (assignmentIds.length === 0) return out;
  const rows = (await m.query(
    `SELECT p.teaching_assignment_id AS "assignmentId", t.position, t.title, t.kind, t.hours::float AS hours
       FROM thematic_plan p JOIN plan_topic t ON t.plan_id = p.id
      WHERE p.teaching_assignment_id = ANY($1::uuid[]) AND p.status = 'approved'
      ORDER BY p.teaching_assignment_id, t.position`,
    [assignmentIds],
  )) as Array<LaidTopic & { assignmentId: string }>;
  for (const { assignmentId, ...t } of rows) {
    const list = out.get(assignmentId) ?? [];
    list.push(t);
    out.set(assignmentId, list);
  }
  return out;
}
