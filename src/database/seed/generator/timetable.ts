/**
 * Rooms and a conflict-free weekly timetable of a generated school (issue 5). Pure and deterministic (by the Random it
 * is given): no clock, no database.
 *
 * Rooms: classrooms numbered by floor («101»…; the 1st floor holds the primary classes), two computer rooms, two labs
 * (chemistry, physics), two workshops, a big and a small gym, the sports ground (стадион, kind 'other': PE of ~40 classes needs three places)
 * and an assembly hall. Every class has a home room: a
 * primary class its own room on the 1st floor, a class of grades 5–11 the cabinet of its class teacher.
 *
 * The timetable: every teaching assignment gets exactly its hours a week (the generated curriculum has whole hours
 * only; a fractional hours_per_week would be rounded half up, with a floor of one lesson, see `weeklyLessons`), on the
 * working weekdays of its grade's week pattern, in lessons 1…n of the default bell schedule without gaps («окна»):
 * the class's hours are spread evenly over its days (the longer days mid-week), at most MAX_LESSONS_A_DAY. The two
 * subgroups of a class and subject with different teachers have their lessons at the same time in two rooms.
 *
 * Shifts: the application numbers timetable lessons by the DEFAULT bell schedule only (a timetable entry has no shift,
 * and the conflict check compares lesson numbers), so the second-shift classes' lessons are laid out in the same
 * numbering as everyone else's (from lesson 1); `GeneratedClass.shift` is not used here.
 *
 * Rooms of a lesson: primary classes stay in their home room for everything but PE; PE goes to a free gym (no room,
 * i.e. somewhere else, when the two gyms and the sports ground are all taken — the scheduler avoids it: these places
 * are a constraint of the scheduler first); informatics and
 * technology (grades 5+) to the computer rooms and workshops (also a scheduler constraint), chemistry and physics to
 * their lab when it is free; other lessons to the teacher's cabinet, else the class's home room, else a free classroom.
 *
 * Scheduler: class by class (older grades first), a max-flow assigns the class's lessons to its slots (lesson unit →
 * unit × day (at most ⌈hours/days⌉ a day) → slot where its teachers and special rooms are free). A class that does
 * not fit is tried with one more lesson of a subject a day, then a class that holds a teacher of its tightest lesson is
 * unscheduled and queued again. An attempt that runs out of such rip-ups starts over with another random order;
 * every other attempt lays the two English groups one after the other (the free group has a gap, as schools do when
 * the two teachers cannot be free together). Tested on 120 seeds: all succeed, ≈10 ms on average, at most ≈140 ms.
 */
import type { GeneratedAssignment } from './contingent';
import type { GeneratedClass } from './generate-school';
import type { Random } from './random';
import type { GeneratedWeekPattern } from './school-calendar';
import type { GeneratedBellSchedule } from './school-reference';

export type GeneratedRoomKind = 'classroom' | 'computer' | 'gym' | 'lab' | 'workshop' | 'assembly' | 'other';

export interface GeneratedRoom {
  number: string;
  name: string | null;
  capacity: number;
  kind: GeneratedRoomKind;
}

export interface GeneratedTimetableEntry {
  /** ISO weekday, 1 Monday … 6 Saturday */
  weekday: number;
  /** a lesson number of the default bell schedule */
  lessonNumber: number;
  /** index into assignments */
  assignmentIndex: number;
  /** index into rooms; null = no room (PE outdoors) */
  roomIndex: number | null;
}

export interface GeneratedTimetable {
  rooms: GeneratedRoom[];
  /** index into rooms, parallel to classes */
  homeRooms: number[];
  entries: GeneratedTimetableEntry[];
}

export interface TimetableInput {
  classes: readonly Pick<GeneratedClass, 'grade' | 'classTeacherStaffIndex'>[];
  staffCount: number;
  assignments: readonly GeneratedAssignment[];
  weekPatterns: readonly GeneratedWeekPattern[];
  bellSchedules: readonly GeneratedBellSchedule[];
}

/** Lessons a day at most: grades 1–4 five (grade 1 gets four on most days by the even spread), 5–6 six, 7–11 seven. */
export const MAX_LESSONS_A_DAY = (grade: number): number => (grade <= 4 ? 5 : grade <= 6 ? 6 : 7);

/** Lessons a week of an assignment: hours_per_week rounded half up, at least one. */
export const weeklyLessons = (hoursPerWeek: number): number => Math.max(1, Math.round(hoursPerWeek));

/** Seats. */
const CLASSROOM_SEATS = 30;
const CLASSROOMS_PER_FLOOR = 16;
/** Spare classrooms beyond one per class (subgroup lessons need a second room). */
const SPARE_CLASSROOMS = 6;

/** Days that take the extra lesson first: mid-week is the peak of the working capacity (СанПиН). */
const LONG_DAY_ORDER: readonly number[] = [3, 2, 4, 1, 5, 6, 7];

type Pool = 'gym' | 'computer' | 'workshop';
const POOL_KIND: Readonly<Record<Pool, GeneratedRoomKind>> = { gym: 'gym', computer: 'computer', workshop: 'workshop' };

interface Unit {
  classIndex: number;
  /** assignments held at the same time (two subgroups) or one */
  assignments: number[];
  teachers: number[];
  lessons: number;
  subject: string;
  pool: Pool | null;
}

const SLOTS_A_DAY = 8;
/** Scheduling attempts (each from scratch) and the rip-ups an attempt may do, per class. */
const ATTEMPTS = 8;
const ATTEMPT_BUDGET = 10;
const slotOf = (day: number, lesson: number): number => day * SLOTS_A_DAY + lesson;

export function buildRooms(classes: TimetableInput['classes']): { rooms: GeneratedRoom[]; classrooms: number[] } {
  const rooms: GeneratedRoom[] = [];
  const classrooms: number[] = [];
  const primary = classes.filter((c) => c.grade <= 4).length;
  const senior = classes.length - primary;
  // the 1st floor first for the primary classes, then the upper floors for the rest
  const firstFloor = Math.max(primary, CLASSROOMS_PER_FLOOR);
  const upper = senior + SPARE_CLASSROOMS;
  for (let i = 0; i < firstFloor && i < 99; i++) {
    classrooms.push(rooms.length);
    rooms.push({ number: `1${String(i + 1).padStart(2, '0')}`, name: null, capacity: CLASSROOM_SEATS, kind: 'classroom' });
  }
  for (let i = 0; i < upper; i++) {
    const floor = 2 + Math.floor(i / CLASSROOMS_PER_FLOOR);
    classrooms.push(rooms.length);
    rooms.push({ number: `${floor}${String((i % CLASSROOMS_PER_FLOOR) + 1).padStart(2, '0')}`, name: null, capacity: CLASSROOM_SEATS, kind: 'classroom' });
  }
  const floors = 2 + Math.floor(Math.max(0, upper - 1) / CLASSROOMS_PER_FLOOR);
  const after = (floor: number, n: number): string => `${floor}${String(CLASSROOMS_PER_FLOOR + n).padStart(2, '0')}`;
  rooms.push({ number: after(2, 1), name: 'Кабинет информатики № 1', capacity: 15, kind: 'computer' });
  rooms.push({ number: after(2, 2), name: 'Кабинет информатики № 2', capacity: 15, kind: 'computer' });
  rooms.push({ number: after(floors, 1), name: 'Кабинет химии (лаборатория)', capacity: CLASSROOM_SEATS, kind: 'lab' });
  rooms.push({ number: after(floors, 2), name: 'Кабинет физики (лаборатория)', capacity: CLASSROOM_SEATS, kind: 'lab' });
  rooms.push({ number: 'М1', name: 'Мастерская (технический труд)', capacity: 15, kind: 'workshop' });
  rooms.push({ number: 'М2', name: 'Мастерская (обслуживающий труд)', capacity: 15, kind: 'workshop' });
  rooms.push({ number: 'Спортзал', name: 'Большой спортивный зал', capacity: 60, kind: 'gym' });
  rooms.push({ number: 'Малый спортзал', name: 'Малый спортивный зал', capacity: 30, kind: 'gym' });
  // PE of ~40 classes (≈80 hours a week) does not fit two gyms: the school's sports ground counts as a third place
  rooms.push({ number: 'Стадион', name: 'Школьный стадион (спортивная площадка)', capacity: 60, kind: 'other' });
  rooms.push({ number: 'Актовый зал', name: 'Актовый зал', capacity: 200, kind: 'assembly' });
  return { rooms, classrooms };
}

const LAB_OF: Readonly<Record<string, string>> = { chemistry: 'Кабинет химии (лаборатория)', physics: 'Кабинет физики (лаборатория)' };

/** The pooled special room a lesson needs (gym, computer room, workshop), if any. */
function poolOf(subject: string, grade: number): Pool | null {
  if (subject === 'physical_education') return 'gym';
  if (subject === 'informatics') return 'computer';
  if (subject === 'technology' && grade >= 5) return 'workshop';
  return null;
}

export function buildTimetable(rng: Random, input: TimetableInput): GeneratedTimetable {
  const { classes, assignments } = input;
  const bells = (input.bellSchedules.find((s) => s.isDefault) ?? input.bellSchedules[0])?.bells.map((b) => b.lessonNumber) ?? [];
  const lessonCount = bells.length;
  if (lessonCount === 0 || bells.some((n, i) => n !== i + 1)) throw new Error('the default bell schedule must number its lessons 1…n');
  const daysOf = (grade: number): number =>
    input.weekPatterns.find((p) => p.gradeFrom <= grade && grade <= p.gradeTo)?.daysPerWeek ?? 5;

  const { rooms, classrooms } = buildRooms(classes);
  const poolRooms: Record<Pool, number[]> = { gym: [], computer: [], workshop: [] };
  for (const p of Object.keys(poolRooms) as Pool[]) rooms.forEach((r, i) => r.kind === POOL_KIND[p] && poolRooms[p].push(i));
  poolRooms.gym.push(rooms.findIndex((r) => r.number === 'Стадион'));

  // ---- units of each class; `apart`: the English groups one after the other (the fallback of late attempts) ----
  const wholeUnits: Unit[][] = classes.map(() => []);
  const bySubgroupSubject = new Map<string, number[]>();
  assignments.forEach((a, i) => {
    if (a.subgroupIndex === null) {
      wholeUnits[a.classIndex]?.push({
        classIndex: a.classIndex, assignments: [i], teachers: [a.staffIndex], lessons: weeklyLessons(a.hoursPerWeek), subject: a.subject,
        pool: poolOf(a.subject, classes[a.classIndex]?.grade ?? 0),
      });
    } else {
      const key = `${a.classIndex}|${a.subject}`;
      bySubgroupSubject.set(key, [...(bySubgroupSubject.get(key) ?? []), i]);
    }
  });
  const groupUnits = (ci: number, apart: boolean): Unit[] => {
    const out: Unit[] = [];
    for (const group of bySubgroupSubject.values()) {
      const first = assignments[group[0] as number] as GeneratedAssignment;
      if (first.classIndex !== ci) continue;
      const grade = classes[first.classIndex]?.grade ?? 0;
      const teachers = group.map((i) => (assignments[i] as GeneratedAssignment).staffIndex);
      const lessons = group.map((i) => weeklyLessons((assignments[i] as GeneratedAssignment).hoursPerWeek));
      const together =
        new Set(teachers).size === teachers.length && lessons.every((l) => l === lessons[0]) && !(apart && first.subject === 'english');
      if (together) {
        out.push({ classIndex: ci, assignments: group, teachers, lessons: lessons[0] as number, subject: first.subject, pool: poolOf(first.subject, grade) });
      } else {
        // the same teacher for both groups (or different hours): one after the other
        group.forEach((i, k) =>
          out.push({ classIndex: ci, assignments: [i], teachers: [teachers[k] as number], lessons: lessons[k] as number, subject: first.subject, pool: poolOf(first.subject, grade) }),
        );
      }
    }
    return out;
  };
  /** The class's week: its lessons spread evenly over its days, the longer days mid-week; null when over the limit. */
  const lengthsOf = (ci: number, us: readonly Unit[]): number[] | null => {
    const grade = classes[ci]?.grade ?? 0;
    const days = daysOf(grade);
    const total = us.reduce((s, u) => s + u.lessons, 0);
    const base = Math.floor(total / days);
    const lengths = Array.from({ length: days }, () => base);
    for (const d of LONG_DAY_ORDER.filter((x) => x <= days).slice(0, total % days)) lengths[d - 1] = base + 1;
    return Math.max(...lengths) > Math.min(MAX_LESSONS_A_DAY(grade), lessonCount) ? null : lengths;
  };
  let units: Unit[][] = [];
  let dayLengths: number[][] = [];
  const layout = (apart: boolean): void => {
    units = classes.map((_, ci) => [...(wholeUnits[ci] ?? []), ...groupUnits(ci, apart)]);
    dayLengths = classes.map((_, ci) => {
      let lengths = lengthsOf(ci, units[ci] ?? []);
      if (!lengths && apart) {
        units[ci] = [...(wholeUnits[ci] ?? []), ...groupUnits(ci, false)];
        lengths = lengthsOf(ci, units[ci] ?? []);
      }
      if (!lengths) throw new Error(`class #${ci}: its lessons do not fit its week`);
      return lengths;
    });
  };

  // ---- scheduling: a few attempts, each from scratch with its own random order ----
  const teacherBusy = new Int32Array(input.staffCount * SLOTS_A_DAY * 8);
  const poolUse: Record<Pool, Int32Array> = { gym: new Int32Array(64), computer: new Int32Array(64), workshop: new Int32Array(64) };
  /** per class: the slot of each lesson of each unit */
  const placed: Array<Array<{ unit: Unit; slot: number }> | null> = classes.map(() => null);
  let rnd = rng;
  const tSlot = (t: number, slot: number): number => t * 64 + slot;

  const unschedule = (ci: number): void => {
    for (const { unit, slot } of placed[ci] ?? []) {
      for (const t of unit.teachers) teacherBusy[tSlot(t, slot)] = -1;
      if (unit.pool) poolUse[unit.pool][slot] = (poolUse[unit.pool][slot] ?? 0) - unit.assignments.length;
    }
    placed[ci] = null;
  };
  const commit = (ci: number, result: Array<{ unit: Unit; slot: number }>): void => {
    for (const { unit, slot } of result) {
      for (const t of unit.teachers) teacherBusy[tSlot(t, slot)] = ci;
      if (unit.pool) poolUse[unit.pool][slot] = (poolUse[unit.pool][slot] ?? 0) + unit.assignments.length;
    }
    placed[ci] = result;
  };

  /** Max flow: source → unit (lessons) → unit×day (cap) → slot (1) → sink; null when not every lesson fits. */
  const tryClass = (ci: number, slack: number, pools: boolean): Array<{ unit: Unit; slot: number }> | null => {
    const us = rnd.shuffle(units[ci] ?? []);
    const lengths = dayLengths[ci] as number[];
    const days = lengths.length;
    const slots: number[] = [];
    lengths.forEach((len, d) => { for (let l = 1; l <= len; l++) slots.push(slotOf(d + 1, l)); });
    const slotNode = new Map(slots.map((s, i) => [s, i]));
    // residual capacities: unit→day (cap), day-of-unit→slot (0/1), slot→sink (1); source→unit implicit by `left`
    const left = us.map((u) => u.lessons);
    const dayCap = us.map((u) => Array.from({ length: days }, () => Math.ceil(u.lessons / days) + slack));
    const flow = new Map<number, number>(); // slot index → unit index holding it
    const canUse = (u: Unit, slot: number): boolean =>
      u.teachers.every((t) => teacherBusy[tSlot(t, slot)] === -1) &&
      (!pools || !u.pool || (poolUse[u.pool][slot] ?? 0) + u.assignments.length <= poolRooms[u.pool].length);
    const usable = us.map((u) => rnd.shuffle(slots.filter((s) => canUse(u, s))).map((s) => slotNode.get(s) as number));
    const dayOfSlot = (si: number): number => Math.floor((slots[si] as number) / SLOTS_A_DAY) - 1;
    // augmenting path from unit ui: take a free slot, or a slot held by another unit that can move elsewhere
    const augment = (ui: number, seen: Uint8Array): boolean => {
      for (const si of usable[ui] as number[]) {
        const d = dayOfSlot(si);
        if ((dayCap[ui]?.[d] ?? 0) <= 0 || seen[si]) continue;
        seen[si] = 1;
        const holder = flow.get(si);
        if (holder !== undefined) {
          // the holder gives this slot up (and its day's place) if it can go elsewhere
          const caps = dayCap[holder] as number[];
          caps[d] = (caps[d] as number) + 1;
          flow.delete(si);
          if (!augment(holder, seen)) {
            caps[d] = (caps[d] as number) - 1;
            flow.set(si, holder);
            continue;
          }
        }
        flow.set(si, ui);
        (dayCap[ui] as number[])[d] = ((dayCap[ui] as number[])[d] as number) - 1;
        return true;
      }
      return false;
    };
    for (let ui = 0; ui < us.length; ui++) {
      while ((left[ui] as number) > 0) {
        if (!augment(ui, new Uint8Array(slots.length))) return null;
        left[ui] = (left[ui] as number) - 1;
      }
    }
    return [...flow].map(([si, ui]) => ({ unit: us[ui] as Unit, slot: slots[si] as number }));
  };

  const attempt = (last: boolean): boolean => {
  teacherBusy.fill(-1);
  for (const p of Object.values(poolUse)) p.fill(0);
  placed.fill(null);
  // older grades first: more hours, more specialists
  const queue = classes.map((_, i) => i).sort((a, b) => (classes[b]?.grade ?? 0) - (classes[a]?.grade ?? 0) || a - b);
  let budget = classes.length * ATTEMPT_BUDGET;
  while (queue.length > 0) {
    const ci = queue.shift() as number;
    let result: Array<{ unit: Unit; slot: number }> | null = null;
    for (const [slack, pools] of [[0, true], [1, true]] as const) {
      result = tryClass(ci, slack, pools);
      if (result) break;
    }
    // the very last resort: PE without a gym
    if (!result && last && budget <= classes.length * 5) result = tryClass(ci, 1, false);
    if (result) {
      commit(ci, result);
      continue;
    }
    if (--budget <= 0) return false;
    // unschedule a class that holds a teacher of this class's tightest lesson at one of this class's slots, try again
    const mySlots = (dayLengths[ci] as number[]).flatMap((len, d) => Array.from({ length: len }, (_, l) => slotOf(d + 1, l + 1)));
    const freeSlack = (u: Unit): number => mySlots.filter((sl) => u.teachers.every((t) => teacherBusy[tSlot(t, sl)] === -1)).length - u.lessons;
    const tight = (units[ci] ?? []).reduce((best, u) => (freeSlack(u) < freeSlack(best) ? u : best));
    const rivals = [
      ...new Set(tight.teachers.flatMap((t) => mySlots.map((sl) => teacherBusy[tSlot(t, sl)] as number)).filter((k) => k >= 0 && k !== ci)),
    ].sort((a, b) => a - b);
    if (rivals.length === 0) return false;
    const victim = rnd.pick(rivals);
    unschedule(victim);
    queue.unshift(ci);
    queue.push(victim);
  }
  return true;
  };
  let done = false;
  for (let n = 0; n < ATTEMPTS && !done; n++) {
    rnd = rng.fork(`attempt-${n}`);
    layout(n % 2 === 1);
    done = attempt(n === ATTEMPTS - 1);
  }
  if (!done) throw new Error('no conflict-free timetable found');

  // ---- home rooms and teachers' cabinets ----
  const homeRooms: number[] = [];
  const cabinetOf = new Map<number, number>();
  const primaryRooms = [...classrooms];
  const seniorRooms = classrooms.filter((r) => (rooms[r] as GeneratedRoom).number.startsWith('1') === false);
  const free = [...seniorRooms];
  let nextPrimary = 0;
  classes.forEach((c, ci) => {
    if (c.grade <= 4) {
      homeRooms[ci] = primaryRooms[nextPrimary++] as number;
      return;
    }
    const lead = c.classTeacherStaffIndex;
    if (lead !== null && cabinetOf.has(lead)) {
      homeRooms[ci] = cabinetOf.get(lead) as number;
      return;
    }
    const room = free.shift();
    if (room === undefined) throw new Error('not enough classrooms for the home rooms');
    homeRooms[ci] = room;
    if (lead !== null) cabinetOf.set(lead, room);
  });
  // other teachers of grades 5–11 by their classroom hours, while rooms last
  const classroomHours = new Map<number, number>();
  for (const a of assignments) {
    if ((classes[a.classIndex]?.grade ?? 0) <= 4 || poolOf(a.subject, classes[a.classIndex]?.grade ?? 0)) continue;
    classroomHours.set(a.staffIndex, (classroomHours.get(a.staffIndex) ?? 0) + a.hoursPerWeek);
  }
  const spare = Math.max(0, free.length - SPARE_CLASSROOMS);
  [...classroomHours]
    .filter(([t]) => !cabinetOf.has(t))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, spare)
    .forEach(([t]) => cabinetOf.set(t, free.shift() as number));

  // ---- rooms of the lessons, slot by slot ----
  const entries: GeneratedTimetableEntry[] = [];
  const bySlot = new Map<number, Array<{ unit: Unit; assignment: number; k: number }>>();
  placed.forEach((p) => {
    for (const { unit, slot } of p ?? []) {
      unit.assignments.forEach((a, k) => bySlot.set(slot, [...(bySlot.get(slot) ?? []), { unit, assignment: a, k }]));
    }
  });
  const labs = new Map(Object.entries(LAB_OF).map(([subject, name]) => [subject, rooms.findIndex((r) => r.name === name)]));
  const primaryHome = new Set(classes.map((c, ci) => (c.grade <= 4 ? homeRooms[ci] : -1)));
  for (const slot of [...bySlot.keys()].sort((a, b) => a - b)) {
    const lessons = (bySlot.get(slot) ?? []).sort((a, b) => a.assignment - b.assignment);
    const used = new Set<number>();
    const roomOf = new Map<number, number | null>();
    const take = (assignment: number, room: number | null): void => {
      roomOf.set(assignment, room);
      if (room !== null) used.add(room);
    };
    const grade = (l: { unit: Unit }): number => classes[l.unit.classIndex]?.grade ?? 0;
    // 1. special rooms; primary classes at home
    for (const l of lessons) {
      if (l.unit.pool) {
        const room = poolRooms[l.unit.pool].find((r) => !used.has(r));
        if (room !== undefined) take(l.assignment, room);
        else if (l.unit.pool === 'gym') take(l.assignment, null);
      } else if (grade(l) <= 4) {
        take(l.assignment, homeRooms[l.unit.classIndex] as number);
      } else {
        const lab = labs.get(l.unit.subject);
        if (lab !== undefined && lab >= 0 && !used.has(lab)) take(l.assignment, lab);
      }
    }
    // 2. teachers' cabinets
    const teacherOf = (l: { unit: Unit; k: number }): number => l.unit.teachers[l.k] as number;
    for (const l of lessons) {
      if (roomOf.has(l.assignment)) continue;
      const cabinet = cabinetOf.get(teacherOf(l));
      if (cabinet !== undefined && !used.has(cabinet)) take(l.assignment, cabinet);
    }
    // 3. the class's home room, else a free classroom (never a primary class's room)
    for (const l of lessons) {
      if (roomOf.has(l.assignment)) continue;
      // a cabinet whose teacher teaches now in a classroom is already taken (pass 2)
      const home = homeRooms[l.unit.classIndex] as number;
      if (!used.has(home)) {
        take(l.assignment, home);
        continue;
      }
      const room = [...seniorRooms, ...rooms.map((_, i) => i).filter((i) => rooms[i]?.kind === 'lab' || rooms[i]?.kind === 'assembly')]
        .find((r) => !used.has(r) && !primaryHome.has(r));
      if (room === undefined) throw new Error(`no free room at slot ${slot}`);
      take(l.assignment, room);
    }
    for (const l of lessons) {
      entries.push({
        weekday: Math.floor(slot / SLOTS_A_DAY),
        lessonNumber: slot % SLOTS_A_DAY,
        assignmentIndex: l.assignment,
        roomIndex: roomOf.get(l.assignment) ?? null,
      });
    }
  }
  entries.sort((a, b) => a.assignmentIndex - b.assignmentIndex || a.weekday - b.weekday || a.lessonNumber - b.lessonNumber);
  return { rooms, homeRooms, entries };
}
