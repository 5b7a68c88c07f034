import { applyChanges, composeDays, DatedChange, etagOf, mondayOf, noneMatch, ScheduledLesson, viewFilter } from './timetable-view.service';

const lesson = (date: string, grade: number, lessonNumber: number): ScheduledLesson => ({
  date,
  grade,
  lessonNumber,
  startsAt: '08:30',
  endsAt: '09:15',
  subjectId: 's',
  subject: 'Математика',
  staffId: 't',
  teacher: 'Иванова Мария',
  roomId: null,
  room: null,
  classId: 'c',
  className: `${grade}А`,
  subgroupId: null,
  subgroupName: null,
  assignmentId: 'a',
  entryId: `${date}-${lessonNumber}`,
  cancelled: false,
  change: null,
});

describe('timetable views: pure parts', () => {
  it('the week runs Monday to Sunday around any of its dates', () => {
    expect(mondayOf('2026-09-14')).toBe('2026-09-14');
    expect(mondayOf('2026-09-20')).toBe('2026-09-14');
    expect(mondayOf('2026-09-01')).toBe('2026-08-31');
  });

  it('exactly one of classId, staffId, roomId, studentId', () => {
    expect(viewFilter({ date: '2026-09-14', roomId: 'r', subjectId: 's' })).toEqual({ kind: 'room', id: 'r', subjectId: 's' });
    expect(() => viewFilter({ date: '2026-09-14' })).toThrow();
    expect(() => viewFilter({ date: '2026-09-14', classId: 'c', staffId: 't' })).toThrow();
  });

  it('a day that is not a school day for the grade drops its lessons; a teacher keeps the grades that work', () => {
    const lessons = [lesson('2026-09-14', 7, 1), lesson('2026-09-15', 7, 1), lesson('2026-09-15', 10, 2)];
    const dayOf = (date: string, grade: number) =>
      date === '2026-09-15' && grade === 10 ? { schoolDay: false, reason: 'Каникулы' } : { schoolDay: true, reason: null };
    const forClass = composeDays('2026-09-14', '2026-09-15', lessons.filter((l) => l.grade === 10), dayOf, () => 10);
    expect(forClass.map((d) => [d.date, d.schoolDay, d.reason, d.lessons.length])).toEqual([
      ['2026-09-14', true, null, 0],
      ['2026-09-15', false, 'Каникулы', 0],
    ]);
    const forTeacher = composeDays('2026-09-14', '2026-09-15', lessons, dayOf, () => undefined);
    expect(forTeacher.map((d) => d.lessons.map((l) => l.entryId))).toEqual([['2026-09-14-1'], ['2026-09-15-1']]);
    expect(forTeacher[1]).not.toHaveProperty('lessons.0.grade');
    const notEnrolled = composeDays('2026-09-14', '2026-09-14', [], dayOf, () => null);
    expect(notEnrolled[0]).toMatchObject({ schoolDay: false, lessons: [] });
  });

  it('If-None-Match matches the strong tag, a weak form of it, a list, or *', () => {
    const tag = etagOf({ a: 1 });
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(etagOf({ a: 1 })).toBe(tag);
    expect(etagOf({ a: 2 })).not.toBe(tag);
    expect(noneMatch(undefined, tag)).toBe(false);
    expect(noneMatch(tag, tag)).toBe(true);
    expect(noneMatch(`W/${tag}`, tag)).toBe(true);
    expect(noneMatch(`"x", ${tag}`, tag)).toBe(true);
    expect(noneMatch('*', tag)).toBe(true);
    expect(noneMatch('"x"', tag)).toBe(false);
  });

  it('dated changes: a substitute replaces the teacher, a cancelled lesson stays flagged, a moved one appears at its target', () => {
    const base = { ...lesson('2026-09-14', 5, 1) };
    const change = (over: Partial<DatedChange>): DatedChange => ({
      id: 'ch', kind: 'substitution' as DatedChange['kind'], date: '2026-09-14', lessonNumber: 1, entryId: base.entryId, assignmentId: 'a', classId: 'c',
      className: '5А', grade: 5, subgroupId: null, subgroupName: null, subjectId: 's', subject: 'Математика', originalStaffId: 't',
      originalTeacher: 'Иванова Мария', staffId: 'z', teacher: 'Заменова Анна', originalRoom: null, roomId: null, room: null, movedToDate: null,
      movedToLesson: null, reason: 'Болезнь', orderNumber: '1-к', createdAt: new Date(), onDate: '2026-09-14', onLesson: 1, live: true, matches: true,
      startsAt: '08:30', endsAt: '09:15', ...over,
    });
    const [sub] = applyChanges([base], [change({})], '2026-09-14', '2026-09-20');
    expect(sub).toMatchObject({ staffId: 'z', teacher: 'Заменова Анна', cancelled: false, change: { kind: 'substitution', originalTeacher: 'Иванова Мария' } });
    const [cancelled] = applyChanges([base], [change({ kind: 'cancellation' as DatedChange['kind'], staffId: 't' })], '2026-09-14', '2026-09-20');
    expect(cancelled).toMatchObject({ cancelled: true, teacher: 'Иванова Мария', change: { kind: 'cancellation' } });
    const later = lesson('2026-09-15', 5, 1);
    const moved = applyChanges([base, later], [change({ kind: 'move' as DatedChange['kind'], staffId: 't', movedToDate: '2026-09-15', movedToLesson: 6, onDate: '2026-09-15', onLesson: 6 })], '2026-09-14', '2026-09-20');
    expect(moved.map((l) => [l.date, l.lessonNumber, l.cancelled])).toEqual([
      ['2026-09-14', 1, true],
      ['2026-09-15', 1, false],
      ['2026-09-15', 6, false],
    ]);
    const extra = applyChanges([base], [change({ kind: 'extra' as DatedChange['kind'], entryId: null, onLesson: 7, lessonNumber: 7 })], '2026-09-14', '2026-09-20');
    expect(extra.map((l) => [l.lessonNumber, l.entryId])).toEqual([[1, base.entryId], [7, null]]);
  });
});
