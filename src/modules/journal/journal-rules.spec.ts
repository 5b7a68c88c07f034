import { MarkCategory } from '../school/entities/mark-type.entity';
import { WorkingCalendar } from '../school/calendar/working-calendar';
import { applyOutages, grade1HomeworkFrom, isLate, isRussianText, LessonDeadlineFacts, markDeadline, recordDeadline } from './journal-rules';

/** The seeded year: autumn holidays 2026-10-24 … 11-01, 4 November off. */
const calendar = (daysPerWeek: 5 | 6) =>
  new WorkingCalendar({
    yearStartsOn: '2026-09-01',
    yearEndsOn: '2027-05-31',
    daysPerWeek,
    holidays: [{ startsOn: '2026-10-24', endsOn: '2026-11-01' }],
    nonWorkingDays: ['2026-11-04'],
    workingDays: [],
  });

const facts = (over: Partial<LessonDeadlineFacts> = {}): LessonDeadlineFacts => ({
  lessonDate: '2026-11-16', // Monday
  grade: 7,
  workKind: 'lesson',
  nextLessonDate: '2026-11-18',
  calendar: calendar(6),
  outages: [],
  ...over,
});

describe('journal deadlines (R-JRN-4, §4.4.8, §4.4.14)', () => {
  it('the record, attendance and homework are due on the lesson day', () => {
    expect(recordDeadline(facts())).toBe('2026-11-16');
  });

  it('oral and other marks are due on the lesson day', () => {
    expect(markDeadline(facts(), MarkCategory.Oral)).toBe('2026-11-16');
    expect(markDeadline(facts({ workKind: 'test' }), MarkCategory.Homework)).toBe('2026-11-16');
  });

  it('written work on an ordinary lesson is due by the next lesson (grades 2–11), 5 working days without one', () => {
    expect(markDeadline(facts(), MarkCategory.Written)).toBe('2026-11-18');
    expect(markDeadline(facts({ nextLessonDate: null }), MarkCategory.Written)).toBe('2026-11-21'); // 6-day week
  });

  it('a test, lab or practical: 2 working days in grades 1–4, 5 in grades 5–11', () => {
    expect(markDeadline(facts({ grade: 3, workKind: 'test', calendar: calendar(5) }), MarkCategory.Control)).toBe('2026-11-18');
    // Friday 2026-11-20 in a 5-day week: Mon 23, Tue 24
    expect(markDeadline(facts({ grade: 3, workKind: 'lab', lessonDate: '2026-11-20', calendar: calendar(5) }), MarkCategory.Laboratory)).toBe('2026-11-24');
    expect(markDeadline(facts({ grade: 9, workKind: 'practical' }), MarkCategory.Practical)).toBe('2026-11-21');
  });

  it('working days skip holidays and days off', () => {
    // Tue 2026-11-03: Wed 4 is off → Thu 5, Fri 6
    expect(markDeadline(facts({ grade: 2, workKind: 'test', lessonDate: '2026-11-03', calendar: calendar(5) }), MarkCategory.Written)).toBe('2026-11-06');
  });

  it('an outage overlapping [lesson day, deadline] moves the deadline to the working day after access returned', () => {
    const outages = [{ from: '2026-11-16', to: '2026-11-17' }];
    expect(recordDeadline(facts({ outages }))).toBe('2026-11-18');
    expect(markDeadline(facts({ outages }), MarkCategory.Oral)).toBe('2026-11-18');
    // a deadline already later is not moved back
    expect(applyOutages('2026-11-16', '2026-11-25', outages, calendar(6))).toBe('2026-11-25');
    // an outage before the lesson or after the deadline does not count
    expect(recordDeadline(facts({ outages: [{ from: '2026-11-10', to: '2026-11-13' }] }))).toBe('2026-11-16');
    expect(recordDeadline(facts({ outages: [{ from: '2026-11-17', to: '2026-11-18' }] }))).toBe('2026-11-16');
    // access returned on Saturday in a 5-day week: Monday
    expect(recordDeadline(facts({ lessonDate: '2026-11-20', calendar: calendar(5), outages: [{ from: '2026-11-20', to: '2026-11-21' }] }))).toBe('2026-11-23');
  });

  it('an entry after its deadline is late, on it not', () => {
    expect(isLate('2026-11-17', '2026-11-16')).toBe(true);
    expect(isLate('2026-11-16', '2026-11-16')).toBe(false);
  });
});

describe('grade 1 homework from the second half-year (§3.7)', () => {
  it('half-year 2, else quarter 3, else trimester 2, else 1 January', () => {
    const q3 = { kind: 'quarter', number: 3, startsOn: '2027-01-12' };
    expect(grade1HomeworkFrom('2026-09-01', [{ kind: 'half_year', number: 2, startsOn: '2027-01-10' }, q3])).toBe('2027-01-10');
    expect(grade1HomeworkFrom('2026-09-01', [q3])).toBe('2027-01-12');
    expect(grade1HomeworkFrom('2026-09-01', [{ kind: 'trimester', number: 2, startsOn: '2026-12-01' }])).toBe('2026-12-01');
    expect(grade1HomeworkFrom('2026-09-01', [])).toBe('2027-01-01');
  });
});

describe('Russian topic', () => {
  it('needs Cyrillic letters', () => {
    expect(isRussianText('Сложение дробей')).toBe(true);
    expect(isRussianText('Fractions 2')).toBe(false);
    expect(isRussianText('123')).toBe(false);
  });
});
