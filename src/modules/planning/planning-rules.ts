import { PlanStatus } from './entities/thematic-plan.entity';
import { TopicKind } from './entities/plan-topic.entity';

/**
 * Pure rules of thematic planning (КТП): hours are summed in tenths (numeric(4,1) has one decimal), so 0.1 + 0.2
 * is exactly 0.3 and a plan matches its curriculum or not without float noise.
 */
export const toTenths = (hours: number): number => Math.round(hours * 10);
export const fromTenths = (tenths: number): number => tenths / 10;

/** Total hours of topics, exact to one decimal. */
export function totalHours(topics: ReadonlyArray<{ hours: number }>): number {
  return fromTenths(topics.reduce((sum, t) => sum + toTenths(t.hours), 0));
}

export interface HoursComparison {
  planned: number;
  /** the curriculum hours of the assignment's class and subject; null when the curriculum has no row */
  curriculum: number | null;
  /** planned − curriculum; null without a curriculum row */
  difference: number | null;
}

export function compareHours(planned: number, curriculum: number | null): HoursComparison {
  return {
    planned,
    curriculum,
    difference: curriculum === null ? null : fromTenths(toTenths(planned) - toTenths(curriculum)),
  };
}

/** The effective curriculum hours of a class: its own override, else its grade's row, else none. */
export function effectiveHours(classOverride: number | null | undefined, gradeRow: number | null | undefined): number | null {
  return classOverride ?? gradeRow ?? null;
}

/** Topics may be written while the plan is a draft or has been returned; approved or submitted plans are read-only. */
export function editable(status: PlanStatus): boolean {
  return status === PlanStatus.Draft || status === PlanStatus.Returned;
}

/** Which status changes are allowed: submit from draft/returned, approve from submitted, return from submitted/approved. */
export const TRANSITIONS: Readonly<Record<'submit' | 'approve' | 'return', readonly PlanStatus[]>> = {
  submit: [PlanStatus.Draft, PlanStatus.Returned],
  approve: [PlanStatus.Submitted],
  return: [PlanStatus.Submitted, PlanStatus.Approved],
};

/** Russian names of the kinds of work, as the export writes them. */
export const KIND_LABELS: Readonly<Record<TopicKind, string>> = {
  [TopicKind.Lesson]: 'урок',
  [TopicKind.Practical]: 'практическая работа',
  [TopicKind.Lab]: 'лабораторная работа',
  [TopicKind.Test]: 'контрольная работа',
};

/**
 * A kind of work written in Russian: «урок», «практическая (работа)», «лабораторная (работа)», «контрольная
 * (работа)», also short forms («пр.», «лаб.», «к/р») and the usual control forms (зачёт, тест, диктант, проверочная),
 * any case; empty means урок. null when not recognised.
 */
export function parseKind(text: string): TopicKind | null {
  const s = text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
  if (s === '' || s.startsWith('урок')) return TopicKind.Lesson;
  if (s.startsWith('практ') || s === 'пр' || s === 'пр.' || s === 'п/р') return TopicKind.Practical;
  if (s.startsWith('лаб') || s === 'л/р') return TopicKind.Lab;
  if (s.startsWith('контр') || s === 'к/р' || s === 'кр' || /^(зачет|тест|диктант|проверочная)/.test(s)) return TopicKind.Test;
  return null;
}

/** Hours of a topic: more than 0, at most 99.9, one decimal. */
export function validTopicHours(hours: number): boolean {
  return Number.isFinite(hours) && hours > 0 && hours <= 99.9 && Math.abs(hours * 10 - Math.round(hours * 10)) < 1e-9;
}

/** Topics numbered 1…n in the given order. */
export function numbered<T extends object>(topics: readonly T[]): Array<T & { position: number }> {
  return topics.map((t, i) => ({ ...t, position: i + 1 }));
}

/**
 * Which topic each of `lessons` consecutive lessons gets, one hour a lesson (R-PLN-3, for the dated lessons): the
 * position (1-based) of the topic that covers hour i of the plan; a topic of 2 h takes two lessons, two half-hour
 * topics share one (the lesson shows the first); null once the plan's hours run out. Pure, so the lessons module can
 * lay topics onto the assignment's lessons (skipping holidays and cancelled lessons itself) and re-lay them.
 */
export function topicPerLesson(topics: ReadonlyArray<{ hours: number }>, lessons: number): Array<number | null> {
  const out: Array<number | null> = [];
  let t = 0;
  let end = topics.length > 0 ? toTenths(topics[0].hours) : 0; // end of topic t, in tenths of an hour
  for (let i = 0; i < lessons; i++) {
    const start = i * 10;
    while (t < topics.length && end <= start) {
      t++;
      if (t < topics.length) end += toTenths(topics[t].hours);
    }
    out.push(t < topics.length ? t + 1 : null);
  }
  return out;
}
