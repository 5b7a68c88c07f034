import { generateSchool } from './generate-school';
import { generatePlanning, planTopics, studyWeeks } from './planning';
import { Random } from './random';

describe('generated planning', () => {
  const g = generateSchool({ seed: 7, startYear: 2026, studentsPerClass: 4 });
  const p = generatePlanning(g);

  it('the curriculum is the weekly hours × 34 weeks (33 in grade 1)', () => {
    expect(studyWeeks(1)).toBe(33);
    expect(studyWeeks(5)).toBe(34);
    const russian5 = p.curriculum.find((r) => r.subject === 'russian' && r.grade === 5 && r.classIndex === null);
    expect(russian5?.hoursPerYear).toBe(5 * 34);
    const russian1 = p.curriculum.find((r) => r.subject === 'russian' && r.grade === 1 && r.classIndex === null);
    expect(russian1?.hoursPerYear).toBe(5 * 33);
  });

  it('one grade row per grade and subject', () => {
    const keys = p.curriculum.filter((r) => r.classIndex === null).map((r) => `${r.grade}|${r.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("every assignment has a plan whose hours equal its class's curriculum hours, with контрольные", () => {
    expect(p.plans).toHaveLength(g.assignments.length);
    for (const plan of p.plans) {
      const a = g.assignments[plan.assignmentIndex]!;
      const grade = g.classes[a.classIndex]!.grade;
      const row =
        p.curriculum.find((r) => r.classIndex === a.classIndex && r.subject === a.subject) ??
        p.curriculum.find((r) => r.classIndex === null && r.grade === grade && r.subject === a.subject);
      const tenths = plan.topics.reduce((s, t) => s + Math.round(t.hours * 10), 0);
      expect({ plan: plan.assignmentIndex, tenths }).toEqual({ plan: plan.assignmentIndex, tenths: Math.round(row!.hoursPerYear * 10) });
      expect(plan.topics.some((t) => t.kind === 'test')).toBe(true);
      expect(plan.topics.every((t) => t.hours > 0 && t.hours < 100 && t.title.length <= 500)).toBe(true);
    }
  });

  it('topics sum exactly to any total, also odd and fractional ones', () => {
    for (const total of [1, 2, 33, 34, 68, 102, 170, 8.5]) {
      const topics = planTopics(new Random(Math.round(total * 10)), 'physics', total);
      expect(topics.reduce((s, t) => s + Math.round(t.hours * 10), 0)).toBe(Math.round(total * 10));
      expect(topics.every((t) => t.hours > 0)).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(generatePlanning(g)).toEqual(p);
  });
});
