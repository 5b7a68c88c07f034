import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * What changed in a source of the dated lessons: the dates [from, to] of a school, for some classes or (no
 * `classIds`) for all of them.
 */
export interface ScheduleScope {
  schoolId: string;
  from: string;
  to: string;
  classIds?: string[];
  /** teaching assignments whose teacher, class or subgroup changed: their timetable entries are checked for conflicts again */
  assignmentIds?: string[];
}

/** Re-derives what depends on the sources for the scope, in the caller's transaction. */
export type ScheduleSourceListener = (m: EntityManager, scope: ScheduleScope) => Promise<void>;

/**
 * The sources of the dated lessons live in modules below the schedule (the calendar in `school`, teaching assignments
 * in `contingent`, the timetable itself in `schedule`). Each of their writes reports here, in its own transaction,
 * which dates of which classes it touched; the schedule module listens and re-derives the lessons — so the
 * dependencies stay one-way (schedule → school, contingent) and a holiday and the lessons it removes are written
 * together or not at all.
 */
@Injectable()
export class ScheduleSources {
  private readonly listeners: ScheduleSourceListener[] = [];

  listen(listener: ScheduleSourceListener): void {
    this.listeners.push(listener);
  }

  async changed(m: EntityManager, scope: ScheduleScope): Promise<void> {
    if (scope.from > scope.to || scope.classIds?.length === 0) return;
    // a process that writes a source without the schedule module loaded would leave the lessons stale: fail loudly
    if (this.listeners.length === 0) throw new Error('a schedule source changed, but nothing re-derives the dated lessons in this process');
    for (const listener of this.listeners) await listener(m, scope);
  }
}

@Global()
@Module({ providers: [ScheduleSources], exports: [ScheduleSources] })
export class ScheduleSourcesModule {}
