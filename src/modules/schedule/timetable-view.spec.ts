import { composeDays, etagOf, mondayOf, noneMatch, ScheduledLesson, viewFilter } from './timetable-view.service';

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
});
