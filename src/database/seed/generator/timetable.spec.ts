import { type GeneratedSchool, generateSchool } from './generate-school';
import { MAX_LESSONS_A_DAY, weeklyLessons } from './timetable';

// seed 7 needs the fallback of late attempts (English groups one after the other)
const SEEDS = [1, 2, 7, 42, 2026];
const schools = new Map<number, GeneratedSchool>();
const school = (seed: number): GeneratedSchool => {
  if (!schools.has(seed)) schools.set(seed, generateSchool({ seed, startYear: 2026 }));
  return schools.get(seed) as GeneratedSchool;
};

describe.each(SEEDS)('generated timetable (seed %i)', (seed) => {
  const g = school(seed);
  const daysOf = (grade: number): number => g.weekPatterns.find((p) => p.gradeFrom <= grade && grade <= p.gradeTo)?.daysPerWeek ?? 5;
  const classOf = (assignmentIndex: number) => g.classes[g.assignments[assignmentIndex]!.classIndex]!;

  it('every assignment gets its weekly hours', () => {
    const count = new Map<number, number>();
    for (const e of g.timetable) count.set(e.assignmentIndex, (count.get(e.assignmentIndex) ?? 0) + 1);
    g.assignments.forEach((a, i) => expect([i, count.get(i) ?? 0]).toEqual([i, weeklyLessons(a.hoursPerWeek)]));
    expect(g.timetable.every((e) => e.assignmentIndex >= 0 && e.assignmentIndex < g.assignments.length)).toBe(true);
  });

  it('no teacher, room or class is double-booked (subgroups of one subject excepted)', () => {
    const teacher = new Set<string>();
    const room = new Set<string>();
    const classSlot = new Map<string, number[]>();
    for (const e of g.timetable) {
      const a = g.assignments[e.assignmentIndex]!;
      const slot = `${e.weekday}|${e.lessonNumber}`;
      expect(teacher.has(`${a.staffIndex}|${slot}`)).toBe(false);
      teacher.add(`${a.staffIndex}|${slot}`);
      expect(e.roomIndex).not.toBeNull();
      expect(room.has(`${e.roomIndex}|${slot}`)).toBe(false);
      room.add(`${e.roomIndex}|${slot}`);
      const key = `${a.classIndex}|${slot}`;
      classSlot.set(key, [...(classSlot.get(key) ?? []), e.assignmentIndex]);
    }
    for (const together of classSlot.values()) {
      if (together.length === 1) continue;
      const as = together.map((i) => g.assignments[i]!);
      // only subgroups of one subject, each of them once, with disjoint members
      expect(as.every((a) => a.subgroupIndex !== null && a.subject === as[0]!.subject)).toBe(true);
      const members = as.flatMap((a) => g.subgroups[a.subgroupIndex!]!.studentIndexes);
      expect(new Set(members).size).toBe(members.length);
    }
  });

  it('only working weekdays and existing lesson numbers', () => {
    const bells = new Set(g.bellSchedules.find((s) => s.isDefault)!.bells.map((b) => b.lessonNumber));
    const byClassDay = new Map<string, Set<number>>();
    for (const e of g.timetable) {
      const c = classOf(e.assignmentIndex);
      expect(e.weekday).toBeGreaterThanOrEqual(1);
      expect(e.weekday).toBeLessThanOrEqual(daysOf(c.grade));
      expect(bells.has(e.lessonNumber)).toBe(true);
      const key = `${c.name}|${e.weekday}`;
      byClassDay.set(key, (byClassDay.get(key) ?? new Set()).add(e.lessonNumber));
    }
    // lessons 1…n a day without gaps, at most the grade's maximum (grade 1: four or five)
    for (const [key, lessons] of byClassDay) {
      const grade = g.classes.find((c) => c.name === key.split('|')[0])!.grade;
      expect(Math.max(...lessons)).toBe(lessons.size);
      expect(lessons.size).toBeLessThanOrEqual(MAX_LESSONS_A_DAY(grade));
      if (grade === 1) expect(lessons.size).toBeLessThanOrEqual(5);
    }
  });

  it('primary classes stay in their home room', () => {
    const home = new Set<number>();
    g.classes.forEach((c, i) => {
      if (c.grade <= 4) home.add(g.homeRooms[i]!);
    });
    expect(home.size).toBe(g.classes.filter((c) => c.grade <= 4).length);
    for (const e of g.timetable) {
      const a = g.assignments[e.assignmentIndex]!;
      const c = g.classes[a.classIndex]!;
      if (c.grade <= 4) {
        if (a.subject === 'physical_education') expect(['gym', 'other']).toContain(g.rooms[e.roomIndex!]!.kind);
        else expect(e.roomIndex).toBe(g.homeRooms[a.classIndex]);
      } else {
        // nobody else takes a primary class's room
        expect(home.has(e.roomIndex!)).toBe(false);
      }
    }
  });

  it('subject rooms: informatics in computer rooms, PE in a gym or on the sports ground, technology of grades 5+ in workshops', () => {
    for (const e of g.timetable) {
      const a = g.assignments[e.assignmentIndex]!;
      const kind = g.rooms[e.roomIndex!]!.kind;
      if (a.subject === 'informatics') expect(kind).toBe('computer');
      if (a.subject === 'physical_education') expect(['gym', 'other']).toContain(kind);
      if (a.subject === 'technology' && g.classes[a.classIndex]!.grade >= 5) expect(kind).toBe('workshop');
      if (!['informatics', 'physical_education', 'technology'].includes(a.subject)) expect(['classroom', 'lab', 'assembly']).toContain(kind);
    }
    const numbers = g.rooms.map((r) => r.number.toLowerCase());
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(g.rooms.filter((r) => r.kind === 'classroom').length).toBeGreaterThanOrEqual(g.classes.length);
    expect(g.rooms.every((r) => r.number.length <= 20 && r.capacity >= 1)).toBe(true);
  });
});

describe('generated timetable', () => {
  it('deterministic by seed', () => {
    const a = generateSchool({ seed: 42, startYear: 2026 });
    expect({ rooms: a.rooms, homeRooms: a.homeRooms, timetable: a.timetable }).toEqual({
      rooms: school(42).rooms,
      homeRooms: school(42).homeRooms,
      timetable: school(42).timetable,
    });
    expect(school(1).timetable).not.toEqual(school(2).timetable);
  });
});
