import { toTenths, topicPerLesson } from '../planning/planning-rules';

/** A topic of an approved plan, in plan order. */
export interface LaidTopic {
  position: number;
  title: string;
  kind: string;
  hours: number;
}

/**
 * The topics of a plan laid onto `lessons` consecutive held lessons (R-PLN-3): entry i is the topic of the (i+1)-th
 * lesson, one hour of the plan a lesson (topicPerLesson), null once the hours run out. Cancelled lessons are not
 * counted by the caller, so the topics skip them; holidays have no lessons at all.
 */
export function layTopics(topics: readonly LaidTopic[], lessons: number): Array<LaidTopic | null> {
  return topicPerLesson(topics, lessons).map((p) => (p === null ? null : topics[p - 1]));
}

/** How many lessons a plan needs: its hours, a started hour counting as a lesson. */
export function lessonsNeeded(topics: ReadonlyArray<{ hours: number }>): number {
  return Math.ceil(topics.reduce((sum, t) => sum + toTenths(t.hours), 0) / 10);
}

/**
 * Coverage of one assignment on a date (учёт пройденного материала): of the lessons held up to the date, those the plan
 * has a topic for are due (`plannedToDate`); the lag (отставание) is what is due minus what was given. The due topic
 * is the one of the last due lesson, the reached topic the one the count of given lessons has come to.
 */
export function coverageOf(
  topics: readonly LaidTopic[] | null,
  counts: { lessonsInYear: number; lessonsToDate: number; conductedToDate: number },
): { plannedToDate: number; lag: number; lessonsSpare: number | null; dueTopic: LaidTopic | null; reachedTopic: LaidTopic | null } {
  if (topics === null || topics.length === 0) {
    return { plannedToDate: 0, lag: -counts.conductedToDate, lessonsSpare: null, dueTopic: null, reachedTopic: null };
  }
  const needed = lessonsNeeded(topics);
  const plannedToDate = Math.min(counts.lessonsToDate, needed);
  const laid = layTopics(topics, Math.max(plannedToDate, Math.min(counts.conductedToDate, needed)));
  return {
    plannedToDate,
    lag: plannedToDate - counts.conductedToDate,
    lessonsSpare: counts.lessonsInYear - needed,
    dueTopic: plannedToDate === 0 ? null : laid[plannedToDate - 1],
    reachedTopic: counts.conductedToDate === 0 ? null : laid[Math.min(counts.conductedToDate, needed) - 1],
  };
}
