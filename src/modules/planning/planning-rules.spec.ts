import { PlanStatus } from './entities/thematic-plan.entity';
import { TopicKind } from './entities/plan-topic.entity';
import { compareHours, editable, effectiveHours, numbered, parseKind, topicPerLesson, totalHours, TRANSITIONS, validTopicHours } from './planning-rules';

describe('planning rules', () => {
  it('total hours are exact to one decimal', () => {
    expect(totalHours([{ hours: 0.1 }, { hours: 0.2 }])).toBe(0.3);
    expect(totalHours([])).toBe(0);
    expect(totalHours(Array.from({ length: 68 }, () => ({ hours: 1 })))).toBe(68);
  });

  it('a 68-hour plan against a 102-hour curriculum differs by −34', () => {
    expect(compareHours(68, 102)).toEqual({ planned: 68, curriculum: 102, difference: -34 });
    expect(compareHours(102, 102).difference).toBe(0);
    expect(compareHours(10, null)).toEqual({ planned: 10, curriculum: null, difference: null });
    expect(compareHours(0.3, 0.1).difference).toBe(0.2);
  });

  it('the class override wins over the grade row', () => {
    expect(effectiveHours(68, 102)).toBe(68);
    expect(effectiveHours(null, 102)).toBe(102);
    expect(effectiveHours(undefined, undefined)).toBeNull();
  });

  it('only drafts and returned plans are editable', () => {
    expect(editable(PlanStatus.Draft)).toBe(true);
    expect(editable(PlanStatus.Returned)).toBe(true);
    expect(editable(PlanStatus.Submitted)).toBe(false);
    expect(editable(PlanStatus.Approved)).toBe(false);
  });

  it('approval needs a submitted plan; an approved plan can be returned', () => {
    expect(TRANSITIONS.approve).toEqual([PlanStatus.Submitted]);
    expect(TRANSITIONS.return).toContain(PlanStatus.Approved);
    expect(TRANSITIONS.submit).not.toContain(PlanStatus.Approved);
  });

  it('kinds of work are read from Russian words', () => {
    expect(parseKind('урок')).toBe(TopicKind.Lesson);
    expect(parseKind('')).toBe(TopicKind.Lesson);
    expect(parseKind('Практическая')).toBe(TopicKind.Practical);
    expect(parseKind('практическая работа')).toBe(TopicKind.Practical);
    expect(parseKind('Лабораторная работа')).toBe(TopicKind.Lab);
    expect(parseKind('контрольная')).toBe(TopicKind.Test);
    expect(parseKind('к/р')).toBe(TopicKind.Test);
    expect(parseKind('Зачёт')).toBe(TopicKind.Test);
    expect(parseKind('диктант')).toBe(TopicKind.Test);
    expect(parseKind('Практикум')).toBe(TopicKind.Practical);
    expect(parseKind('экскурсия')).toBeNull();
  });

  it('topic hours are positive, at most 99.9, one decimal', () => {
    expect(validTopicHours(1)).toBe(true);
    expect(validTopicHours(0.5)).toBe(true);
    expect(validTopicHours(0)).toBe(false);
    expect(validTopicHours(-1)).toBe(false);
    expect(validTopicHours(1.25)).toBe(false);
    expect(validTopicHours(100)).toBe(false);
  });

  it('topics are numbered 1…n in order', () => {
    expect(numbered([{ t: 'a' }, { t: 'b' }]).map((x) => x.position)).toEqual([1, 2]);
  });

  it('topics are laid one hour a lesson, in order', () => {
    expect(topicPerLesson([{ hours: 2 }, { hours: 1 }, { hours: 1 }], 5)).toEqual([1, 1, 2, 3, null]);
    expect(topicPerLesson([{ hours: 0.5 }, { hours: 0.5 }, { hours: 1.5 }, { hours: 0.5 }], 4)).toEqual([1, 3, 3, null]);
    expect(topicPerLesson([], 2)).toEqual([null, null]);
  });
});
