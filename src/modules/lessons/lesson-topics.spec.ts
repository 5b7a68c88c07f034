import { coverageOf, layTopics, lessonsNeeded, LaidTopic } from './lesson-topics';

const topic = (position: number, hours: number, title = `Тема ${position}`): LaidTopic => ({ position, title, kind: 'lesson', hours });

describe('topics laid onto lessons', () => {
  it('one hour of the plan a lesson, in order: a 2-hour topic takes two lessons', () => {
    const topics = [topic(1, 1), topic(2, 2), topic(3, 1)];
    expect(layTopics(topics, 5).map((t) => t?.position ?? null)).toEqual([1, 2, 2, 3, null]);
  });

  it('two half-hour topics share one lesson, which shows the first', () => {
    expect(layTopics([topic(1, 0.5), topic(2, 0.5), topic(3, 1)], 2).map((t) => t?.position)).toEqual([1, 3]);
  });

  it('a plan needs as many lessons as its hours, a started hour counting as one', () => {
    expect(lessonsNeeded([topic(1, 34)])).toBe(34);
    expect(lessonsNeeded([topic(1, 10.5)])).toBe(11);
    expect(lessonsNeeded([])).toBe(0);
  });
});

describe('coverage (учёт пройденного материала)', () => {
  const plan = [topic(1, 2, 'Натуральные числа'), topic(2, 3, 'Дроби'), topic(3, 1, 'Контрольная работа')];

  it('a teacher behind the plan shows the lag and the topics due and reached', () => {
    const c = coverageOf(plan, { lessonsInYear: 10, lessonsToDate: 4, conductedToDate: 1 });
    expect(c).toEqual({ plannedToDate: 4, lag: 3, lessonsSpare: 4, dueTopic: plan[1], reachedTopic: plan[0] });
  });

  it('lessons beyond the plan are not due; the timetable short of the plan shows a negative spare', () => {
    const c = coverageOf(plan, { lessonsInYear: 5, lessonsToDate: 5, conductedToDate: 5 });
    expect(c).toEqual({ plannedToDate: 5, lag: 0, lessonsSpare: -1, dueTopic: plan[1], reachedTopic: plan[1] });
    expect(coverageOf(plan, { lessonsInYear: 9, lessonsToDate: 9, conductedToDate: 9 })).toMatchObject({ plannedToDate: 6, lag: -3, reachedTopic: plan[2] });
  });

  it('without an approved plan nothing is due', () => {
    expect(coverageOf(null, { lessonsInYear: 30, lessonsToDate: 10, conductedToDate: 7 })).toEqual({
      plannedToDate: 0,
      lag: -7,
      lessonsSpare: null,
      dueTopic: null,
      reachedTopic: null,
    });
  });
});
