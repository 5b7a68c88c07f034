import { generateJournal, JournalInput, JournalLessonInput } from './journal';
import { buildMarkTypes } from './school-reference';
import { Random } from './random';

/** A small school: classes of grades 1, 5 and 8 (25 pupils each), 40 school days, 4 subjects a day, a subgroup half. */
function school(): JournalInput {
  const studentKeys: string[] = [];
  const lessons: JournalLessonInput[] = [];
  const subjects = ['russian', 'math', 'english', 'history'];
  for (const [c, grade] of [1, 5, 8].entries()) {
    const pupils = Array.from({ length: 25 }, (_, i) => studentKeys.push(`Ученик ${grade}-${i}`) - 1);
    for (let d = 0; d < 40; d++) {
      const date = `2026-${d < 25 ? '09' : '10'}-${String((d % 25) + 1).padStart(2, '0')}`;
      subjects.forEach((subject, n) => {
        const half = subject === 'english' ? (d % 2 === 0 ? pupils.slice(0, 12) : pupils.slice(12)) : pupils;
        lessons.push({
          key: `${c} ${subject} ${date} ${n}`,
          subjectKey: `${c} ${subject}`,
          subject,
          grade,
          date,
          plannedTopic: d % 10 === 9 ? { title: `Контрольная работа ${d}`, kind: 'test' } : n === 3 ? null : { title: `Тема ${d}`, kind: 'lesson' },
          homeworkAllowed: grade > 1,
          students: half,
        });
      });
    }
  }
  return { lessons, studentKeys, markTypes: buildMarkTypes() };
}

describe('journal generator', () => {
  const input = school();
  const j = generateJournal(new Random(7).fork('journal'), input);

  it('is deterministic for a seed and differs for another', () => {
    expect(generateJournal(new Random(7).fork('journal'), input)).toEqual(j);
    expect(generateJournal(new Random(8).fork('journal'), input).marks).not.toEqual(j.marks);
  });

  it('conducts every lesson with a topic: the planned one, else a generic Russian title; the kind from the plan', () => {
    expect(j.lessons).toHaveLength(input.lessons.length);
    input.lessons.forEach((l, i) => {
      const r = j.lessons[i]!;
      if (l.plannedTopic) expect(r.topic).toBe(l.plannedTopic.title);
      else expect(r.topic).toMatch(/^[А-ЯЁ][а-яё ]+$/);
      expect(r.workKind).toBe(l.plannedTopic?.kind ?? 'lesson');
    });
  });

  it('grade 1 gets no marks; values are 1–5; marks and absences only for students due at the lesson', () => {
    for (const m of j.marks) {
      const l = input.lessons[m.lesson]!;
      expect(l.grade).toBeGreaterThan(1);
      expect(l.students).toContain(m.student);
      expect(m.value).toBeGreaterThanOrEqual(1);
      expect(m.value).toBeLessThanOrEqual(5);
    }
    for (const a of j.attendance) expect(input.lessons[a.lesson]!.students).toContain(a.student);
  });

  it('gives about 10 marks per student and subject, one per type and lesson, none to a missed lesson', () => {
    const per = new Map<string, number>();
    const seen = new Set<string>();
    const missed = new Set(j.attendance.filter((a) => a.code !== 'О').map((a) => `${a.lesson}:${a.student}`));
    for (const m of j.marks) {
      const k = `${m.student} ${input.lessons[m.lesson]!.subjectKey}`;
      per.set(k, (per.get(k) ?? 0) + 1);
      const slot = `${m.lesson}:${m.student}:${m.markType}`;
      expect(seen.has(slot)).toBe(false);
      seen.add(slot);
      expect(missed.has(`${m.lesson}:${m.student}`)).toBe(false);
    }
    const counts = [...per.values()].sort((a, b) => a - b);
    expect(per.size).toBe(50 * 4);
    expect(counts[Math.floor(counts.length / 2)]).toBeGreaterThanOrEqual(9);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(12);
  });

  it('gives a control work to everyone present at a test lesson', () => {
    const control = buildMarkTypes().findIndex((t) => t.code === 'control_work');
    const missed = new Set(j.attendance.filter((a) => a.code !== 'О').map((a) => `${a.lesson}:${a.student}`));
    input.lessons.forEach((l, i) => {
      if (l.grade === 1 || j.lessons[i]!.workKind !== 'test') return;
      const marked = new Set(j.marks.filter((m) => m.lesson === i && m.markType === control).map((m) => m.student));
      expect([...marked].sort()).toEqual(l.students.filter((s) => !missed.has(`${i}:${s}`)).sort());
    });
  });

  it('values are mostly 4 and 5, some 3, few 2', () => {
    const share = (v: number) => j.marks.filter((m) => m.value === v).length / j.marks.length;
    expect(share(5)).toBeGreaterThan(0.2);
    expect(share(4)).toBeGreaterThan(0.3);
    expect(share(3)).toBeGreaterThan(0.15);
    expect(share(2)).toBeLessThan(0.1);
  });

  it('misses about 8 % of the student-lessons, with whole days of illness', () => {
    const due = input.lessons.reduce((n, l) => n + l.students.length, 0);
    const missed = j.attendance.filter((a) => a.code !== 'О');
    expect(missed.length / due).toBeGreaterThan(0.05);
    expect(missed.length / due).toBeLessThan(0.11);
    expect(new Set(j.attendance.map((a) => a.code))).toEqual(new Set(['Н', 'У', 'Б', 'О']));
    // an illness covers each of the student's lessons of the day
    for (const a of j.attendance.filter((x) => x.code === 'Б')) {
      const date = input.lessons[a.lesson]!.date;
      input.lessons.forEach((l, i) => {
        if (l.date === date && l.students.includes(a.student)) {
          expect(j.attendance.find((x) => x.lesson === i && x.student === a.student)?.code).toBe('Б');
        }
      });
    }
  });

  it('sets homework on most lessons where it may be set, none elsewhere', () => {
    for (const h of j.homework) {
      expect(input.lessons[h.lesson]!.homeworkAllowed).toBe(true);
      expect(h.text.length).toBeGreaterThan(5);
    }
    const allowed = input.lessons.filter((l) => l.homeworkAllowed).length;
    expect(j.homework.length / allowed).toBeGreaterThan(0.7);
  });
});
