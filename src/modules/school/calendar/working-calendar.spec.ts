import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import {
  addDays,
  isIsoDate,
  type IsoDate,
  weekday,
  WorkingCalendar,
  type WorkingCalendarData,
} from './working-calendar';

/**
 * 2026/2027 academic year of a Russian school:
 * - year 2026-09-01 (Tue) … 2027-05-31 (Mon);
 * - autumn holidays 2026-10-26 … 2026-11-03, winter holidays 2026-12-29 … 2027-01-11;
 * - state holidays 4 November (Wed), 23 February (Tue), 8 March (Mon), 1 May (Sat), 9 May (Sun);
 * - Saturday 2026-11-07 is a moved working day.
 */
const YEAR_2026_27: Omit<WorkingCalendarData, 'daysPerWeek'> = {
  yearStartsOn: '2026-09-01',
  yearEndsOn: '2027-05-31',
  holidays: [
    { startsOn: '2026-10-26', endsOn: '2026-11-03' },
    { startsOn: '2026-12-29', endsOn: '2027-01-11' },
  ],
  nonWorkingDays: ['2026-11-04', '2027-02-23', '2027-03-08', '2027-05-01', '2027-05-09'],
  workingDays: ['2026-11-07'],
};

const fiveDay = new WorkingCalendar({ ...YEAR_2026_27, daysPerWeek: 5 });
const sixDay = new WorkingCalendar({ ...YEAR_2026_27, daysPerWeek: 6 });

function calendar(overrides: Partial<WorkingCalendarData> = {}): WorkingCalendar {
  return new WorkingCalendar({ ...YEAR_2026_27, daysPerWeek: 5, ...overrides });
}

/** Every date of [from, to], inclusive, built with addDays. */
function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const result: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) result.push(d);
  return result;
}

describe('isIsoDate', () => {
  it('accepts a strict YYYY-MM-DD calendar date', () => {
    expect(isIsoDate('2026-09-01')).toBe(true);
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
  });

  it('accepts 29 February in a leap year (2028-02-29, 2000-02-29)', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects 29 February in a common year (2027-02-29, and 1900-02-29 as a century year)', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it.each(['2026-13-01', '2026-00-10', '2026-09-00', '2026-09-31', '2026-04-31', '2026-10-32'])(
    'rejects an impossible month or day: %s',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it.each([
    '2026-9-1',
    '26-09-01',
    '20260901',
    '2026/09/01',
    '01.09.2026',
    ' 2026-09-01',
    '2026-09-01 ',
    '2026-09-01\n',
    '2026-09-01T00:00:00Z',
    '+02026-09-01',
    '',
  ])('rejects anything but the exact YYYY-MM-DD form: %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('returns false instead of throwing for a non-string value at run time', () => {
    expect(isIsoDate(undefined as unknown as string)).toBe(false);
    expect(isIsoDate(20260901 as unknown as string)).toBe(false);
  });
});

describe('addDays', () => {
  it('n = 0 returns the same date', () => {
    expect(addDays('2026-09-01', 0)).toBe('2026-09-01');
  });

  it('rolls over the end of a month', () => {
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
  });

  it('rolls over the end of a year', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-28', 14)).toBe('2027-01-11');
  });

  it('goes back across month and year boundaries with a negative n', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('knows 2028 is a leap year: 28 February + 1 is 29 February, 1 March − 1 is 29 February', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('a whole leap year is 366 days, a common year 365', () => {
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01');
    expect(addDays('2027-01-01', 365)).toBe('2028-01-01');
  });

  it('handles years below 100 without mapping them to 19xx', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0001-03-01', -1)).toBe('0001-02-28');
  });

  it('throws RangeError for a malformed date or a non-integer n', () => {
    expect(() => addDays('2027-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2026-9-1', 1)).toThrow(RangeError);
    expect(() => addDays('2026-09-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-09-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('2026-09-01', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('throws RangeError when the result leaves the years 0000–9999', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
  });
});

describe('weekday', () => {
  it('2026-09-01, the first school day, is a Tuesday (2)', () => {
    expect(weekday('2026-09-01')).toBe(2);
  });

  it.each([
    ['2026-11-04', 3, 'Wednesday (4 November)'],
    ['2026-11-07', 6, 'Saturday (the moved working day)'],
    ['2027-01-11', 1, 'Monday (last day of the winter holidays)'],
    ['2027-05-01', 6, 'Saturday (1 May)'],
    ['2027-05-09', 7, 'Sunday (9 May)'],
    ['2027-05-31', 1, 'Monday (last school day)'],
    ['2028-02-29', 2, 'Tuesday (leap day)'],
    ['1970-01-01', 4, 'Thursday (Unix epoch)'],
    ['2000-01-01', 6, 'Saturday'],
    ['0001-01-01', 1, 'Monday (proleptic Gregorian calendar)'],
  ])('%s is ISO weekday %d, %s', (date, expected) => {
    expect(weekday(date)).toBe(expected);
  });

  it('throws RangeError for a malformed date', () => {
    expect(() => weekday('2026-02-30')).toThrow(RangeError);
  });
});

describe('time zone independence', () => {
  /** Evaluates the calculator in a fresh Node process with the given TZ and returns its answers. */
  function answersInTimeZone(tz: string): unknown {
    const source = readFileSync(join(__dirname, 'working-calendar.ts'), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const probe = `
      const cal = new exports.WorkingCalendar(${JSON.stringify({ ...YEAR_2026_27, daysPerWeek: 5 })});
      process.stdout.write(JSON.stringify({
        // proves that TZ really took effect in the child process
        localDateOfUtcMidnight: new Date(Date.UTC(2026, 8, 1)).getDate(),
        weekdays: ['2026-09-01', '2026-11-01', '2027-03-28', '2027-05-09'].map(exports.weekday),
        plusOne: ['2026-10-24', '2026-10-31', '2026-12-31', '2027-03-27'].map((d) => exports.addDays(d, 1)),
        working: ['2026-09-01', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-07'].map((d) => cal.isWorkingDay(d)),
        afterAutumn: cal.addWorkingDays('2026-10-23', 1),
        year: cal.countWorkingDays('2026-09-01', '2027-05-31'),
      }));`;
    const child = spawnSync(process.execPath, ['-e', `${js}\n${probe}`], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`child process failed in TZ=${tz}: ${child.stderr}`);
    return JSON.parse(child.stdout);
  }

  it('gives identical answers whatever process.env.TZ is (UTC, Moscow, Kamchatka, Los Angeles with DST, UTC+14, UTC−11)', () => {
    const expected = {
      weekdays: [2, 7, 7, 7],
      plusOne: ['2026-10-25', '2026-11-01', '2027-01-01', '2027-03-28'],
      working: [true, false, false, false, true],
      afterAutumn: '2026-11-05',
      year: 176,
    };
    const zones: Array<[string, number]> = [
      ['UTC', 1],
      ['Europe/Moscow', 1],
      ['Asia/Kamchatka', 1],
      ['America/Los_Angeles', 31],
      ['Pacific/Kiritimati', 1],
      ['Pacific/Pago_Pago', 31],
    ];
    for (const [tz, localDate] of zones) {
      expect(answersInTimeZone(tz)).toEqual({ ...expected, localDateOfUtcMidnight: localDate });
    }
  }, 30_000);
});

describe('WorkingCalendar: constructor validation', () => {
  it('throws RangeError naming the field for a malformed yearStartsOn / yearEndsOn', () => {
    expect(() => calendar({ yearStartsOn: '2026-9-1' })).toThrow(/yearStartsOn/);
    expect(() => calendar({ yearStartsOn: '2026-9-1' })).toThrow(RangeError);
    expect(() => calendar({ yearEndsOn: '2027-02-29' })).toThrow(/yearEndsOn/);
  });

  it('throws RangeError when the year starts after it ends', () => {
    expect(() => calendar({ yearStartsOn: '2027-06-01', yearEndsOn: '2027-05-31' })).toThrow(
      new RangeError('yearStartsOn (2027-06-01) must not be after yearEndsOn (2027-05-31)'),
    );
  });

  it('accepts a one-day year (start = end)', () => {
    const oneDay = calendar({ yearStartsOn: '2026-09-01', yearEndsOn: '2026-09-01' });
    expect(oneDay.countWorkingDays('2026-01-01', '2026-12-31')).toBe(1);
    expect(oneDay.addWorkingDays('2026-09-01', 1)).toBeNull();
  });

  it('throws RangeError for a holiday range that ends before it starts or has a malformed date', () => {
    expect(() => calendar({ holidays: [{ startsOn: '2026-11-03', endsOn: '2026-10-26' }] })).toThrow(
      /holidays\[0\]\.startsOn \(2026-11-03\) must not be after endsOn \(2026-10-26\)/,
    );
    expect(() => calendar({ holidays: [{ startsOn: '2026-10-26', endsOn: '2026-11-31' }] })).toThrow(
      /holidays\[0\]\.endsOn/,
    );
  });

  it('throws RangeError naming the index of a malformed nonWorkingDays / workingDays entry', () => {
    expect(() => calendar({ nonWorkingDays: ['2026-11-04', '4 November'] })).toThrow(/nonWorkingDays\[1\]/);
    expect(() => calendar({ workingDays: ['2026-11-7'] })).toThrow(/workingDays\[0\]/);
  });

  it('throws RangeError for daysPerWeek other than 5 or 6', () => {
    expect(() => calendar({ daysPerWeek: 7 as unknown as 5 })).toThrow(/daysPerWeek must be 5 or 6/);
    expect(() => calendar({ daysPerWeek: '5' as unknown as 5 })).toThrow(RangeError);
  });

  it('holiday ranges and listed dates outside the academic year are accepted and ignored', () => {
    const cal = calendar({
      holidays: [...YEAR_2026_27.holidays, { startsOn: '2026-06-01', endsOn: '2026-09-01' }],
      workingDays: ['2026-11-07', '2027-06-05'],
    });
    expect(cal.isWorkingDay('2026-09-01')).toBe(false);
    expect(cal.isWorkingDay('2026-09-02')).toBe(true);
    expect(cal.isWorkingDay('2027-06-05')).toBe(false);
  });

  it('keeps no reference to the input: mutating the data afterwards changes nothing', () => {
    const nonWorkingDays = [...YEAR_2026_27.nonWorkingDays];
    const cal = calendar({ nonWorkingDays });
    nonWorkingDays.push('2026-09-01');
    expect(cal.isWorkingDay('2026-09-01')).toBe(true);
  });
});

describe('WorkingCalendar.isWorkingDay', () => {
  it('the first school day, Tuesday 2026-09-01, and the last, Monday 2027-05-31, are working days', () => {
    expect(fiveDay.isWorkingDay('2026-09-01')).toBe(true);
    expect(fiveDay.isWorkingDay('2027-05-31')).toBe(true);
  });

  it('weekdays before yearStartsOn and after yearEndsOn are not working days (summer break)', () => {
    expect(fiveDay.isWorkingDay('2026-08-31')).toBe(false); // Monday
    expect(fiveDay.isWorkingDay('2027-06-01')).toBe(false); // Tuesday
    expect(fiveDay.isWorkingDay('2025-12-01')).toBe(false);
  });

  it('Saturday and Sunday are not working days in a 5-day week', () => {
    expect(fiveDay.isWorkingDay('2026-09-05')).toBe(false);
    expect(fiveDay.isWorkingDay('2026-09-06')).toBe(false);
  });

  it('no day of the autumn holidays 2026-10-26 … 2026-11-03 is a working day, the days around them are', () => {
    expect(datesBetween('2026-10-26', '2026-11-03').filter((d) => fiveDay.isWorkingDay(d))).toEqual([]);
    expect(fiveDay.isWorkingDay('2026-10-23')).toBe(true); // Friday before
    expect(fiveDay.isWorkingDay('2026-11-05')).toBe(true); // Thursday after 4 November
  });

  it('winter holidays span the new year: 2026-12-29 … 2027-01-11 are not working, 2026-12-28 and 2027-01-12 are', () => {
    expect(datesBetween('2026-12-29', '2027-01-11').filter((d) => fiveDay.isWorkingDay(d))).toEqual([]);
    expect(fiveDay.isWorkingDay('2026-12-28')).toBe(true);
    expect(fiveDay.isWorkingDay('2027-01-12')).toBe(true);
  });

  it.each(['2026-11-04', '2027-02-23', '2027-03-08'])('a state holiday on a weekday is not a working day: %s', (date) => {
    expect(weekday(date)).toBeLessThanOrEqual(5);
    expect(fiveDay.isWorkingDay(date)).toBe(false);
    expect(sixDay.isWorkingDay(date)).toBe(false);
  });

  it('a moved working Saturday counts as a working day (2026-11-07 in a 5-day week)', () => {
    expect(weekday('2026-11-07')).toBe(6);
    expect(fiveDay.isWorkingDay('2026-11-07')).toBe(true);
    expect(fiveDay.isWorkingDay('2026-11-14')).toBe(false); // an ordinary Saturday
  });

  it('a moved working Sunday counts as a working day, even in a 6-day week', () => {
    const cal = calendar({ daysPerWeek: 6, workingDays: ['2026-09-13'] });
    expect(weekday('2026-09-13')).toBe(7);
    expect(cal.isWorkingDay('2026-09-13')).toBe(true);
  });

  it('9 May 2027 is a Sunday: it is non-working by the weekday rule and Monday 10 May stays a working day (no automatic transfer)', () => {
    expect(weekday('2027-05-09')).toBe(7);
    expect(fiveDay.isWorkingDay('2027-05-09')).toBe(false);
    expect(calendar({ nonWorkingDays: [] }).isWorkingDay('2027-05-09')).toBe(false);
    expect(fiveDay.isWorkingDay('2027-05-10')).toBe(true);
  });

  it('holidays take precedence over workingDays: a moved working day inside the holidays is not working', () => {
    const cal = calendar({ workingDays: ['2026-10-31'] });
    expect(cal.isWorkingDay('2026-10-31')).toBe(false);
  });

  it('nonWorkingDays take precedence over workingDays: a date listed in both is not working', () => {
    const cal = calendar({ nonWorkingDays: ['2026-11-07'], workingDays: ['2026-11-07'] });
    expect(cal.isWorkingDay('2026-11-07')).toBe(false);
  });

  it('a day off by order on an ordinary weekday is not a working day', () => {
    const cal = calendar({ nonWorkingDays: [...YEAR_2026_27.nonWorkingDays, '2026-12-28'] });
    expect(cal.isWorkingDay('2026-12-28')).toBe(false);
  });

  it('throws RangeError for a malformed date', () => {
    expect(() => fiveDay.isWorkingDay('2026-11-31')).toThrow(RangeError);
    expect(() => fiveDay.isWorkingDay('')).toThrow(RangeError);
  });
});

describe('WorkingCalendar with a 6-day week', () => {
  it('6-day week counts Saturday', () => {
    expect(sixDay.isWorkingDay('2026-09-05')).toBe(true);
  });

  it('6-day week never counts an ordinary Sunday', () => {
    expect(sixDay.isWorkingDay('2026-09-06')).toBe(false);
  });

  it('a state holiday on a Saturday (1 May 2027) is not a working day in a 6-day week', () => {
    expect(weekday('2027-05-01')).toBe(6);
    expect(sixDay.isWorkingDay('2027-05-01')).toBe(false);
    expect(sixDay.isWorkingDay('2027-05-08')).toBe(true);
  });

  it('a Saturday inside the holidays is not a working day in a 6-day week', () => {
    expect(sixDay.isWorkingDay('2026-10-31')).toBe(false);
  });

  it('adding 1 working day to Friday gives Saturday in a 6-day week', () => {
    expect(sixDay.addWorkingDays('2026-09-04', 1)).toBe('2026-09-05');
    expect(sixDay.addWorkingDays('2026-09-05', 1)).toBe('2026-09-07');
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('n = 0 on a working day returns the date itself', () => {
    expect(fiveDay.addWorkingDays('2026-09-01', 0)).toBe('2026-09-01');
  });

  it('n = 0 on a Sunday returns Monday', () => {
    expect(fiveDay.addWorkingDays('2026-09-06', 0)).toBe('2026-09-07');
  });

  it('from a non-working day counting starts at the next working day: Sunday + 1 is Tuesday', () => {
    expect(fiveDay.addWorkingDays('2026-09-06', 1)).toBe('2026-09-08');
  });

  it('adding 1 working day to Friday skips the weekend', () => {
    expect(fiveDay.addWorkingDays('2026-09-04', 1)).toBe('2026-09-07');
  });

  it('autumn holidays are skipped when adding working days (and so is 4 November)', () => {
    expect(fiveDay.addWorkingDays('2026-10-23', 1)).toBe('2026-11-05');
    expect(fiveDay.addWorkingDays('2026-10-22', 2)).toBe('2026-11-05');
  });

  it('n = 0 inside the autumn holidays returns the first school day after them, 2026-11-05', () => {
    expect(fiveDay.addWorkingDays('2026-10-28', 0)).toBe('2026-11-05');
  });

  it('the moved working Saturday is counted when adding working days', () => {
    expect(fiveDay.addWorkingDays('2026-11-06', 1)).toBe('2026-11-07');
    expect(fiveDay.addWorkingDays('2026-11-06', 2)).toBe('2026-11-09');
  });

  it('winter holidays are skipped across the year boundary: 2026-12-28 + 1 = 2027-01-12', () => {
    expect(fiveDay.addWorkingDays('2026-12-28', 1)).toBe('2027-01-12');
  });

  it('state holidays are skipped: 2027-02-22 + 1 = 2027-02-24, 2027-03-05 + 1 = 2027-03-09', () => {
    expect(fiveDay.addWorkingDays('2027-02-22', 1)).toBe('2027-02-24');
    expect(fiveDay.addWorkingDays('2027-03-05', 1)).toBe('2027-03-09');
  });

  it('a date before yearStartsOn counts from the first school day', () => {
    expect(fiveDay.addWorkingDays('2026-08-15', 0)).toBe('2026-09-01');
    expect(fiveDay.addWorkingDays('2026-08-15', 1)).toBe('2026-09-02');
  });

  it('runs past the end of the year → null', () => {
    expect(fiveDay.addWorkingDays('2027-05-28', 1)).toBe('2027-05-31');
    expect(fiveDay.addWorkingDays('2027-05-28', 2)).toBeNull();
    expect(fiveDay.addWorkingDays('2027-05-31', 0)).toBe('2027-05-31');
    expect(fiveDay.addWorkingDays('2027-05-31', 1)).toBeNull();
  });

  it('a date after yearEndsOn → null even for n = 0', () => {
    expect(fiveDay.addWorkingDays('2027-06-01', 0)).toBeNull();
  });

  it('the first school day + 175 is the last school day (176 working days), + 176 → null', () => {
    expect(fiveDay.addWorkingDays('2026-09-01', 175)).toBe('2027-05-31');
    expect(fiveDay.addWorkingDays('2026-09-01', 176)).toBeNull();
  });

  it('a huge n returns null immediately (the count is bounded by yearEndsOn)', () => {
    expect(fiveDay.addWorkingDays('2026-09-01', Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(fiveDay.addWorkingDays('2026-09-01', 1e300)).toBeNull();
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for n = %p', (n) => {
    expect(() => fiveDay.addWorkingDays('2026-09-01', n)).toThrow(RangeError);
  });

  it('throws RangeError for a malformed date', () => {
    expect(() => fiveDay.addWorkingDays('2026-09-31', 1)).toThrow(RangeError);
  });

  it('for every day of the year and n = 0…12 the result r is a working day and [date, r] holds exactly n + 1 working days', () => {
    for (const date of datesBetween('2026-08-25', '2027-06-05')) {
      for (let n = 0; n <= 12; n++) {
        const r = fiveDay.addWorkingDays(date, n);
        if (r === null) {
          expect(fiveDay.countWorkingDays(date, '2027-05-31')).toBeLessThanOrEqual(n);
          continue;
        }
        expect(fiveDay.isWorkingDay(r)).toBe(true);
        expect(r >= date).toBe(true);
        // [date, r] holds the n + 1 working days r is the last of.
        expect(fiveDay.countWorkingDays(date, r)).toBe(n + 1);
      }
    }
  });
});

describe('WorkingCalendar.countWorkingDays', () => {
  it('quarter 1, 2026-09-01 … 2026-10-25, has 39 working days in a 5-day week (22 in September + 17 in October)', () => {
    expect(fiveDay.countWorkingDays('2026-09-01', '2026-10-25')).toBe(39);
  });

  it('quarter 1 has 47 working days in a 6-day week (39 + 8 Saturdays)', () => {
    expect(sixDay.countWorkingDays('2026-09-01', '2026-10-25')).toBe(47);
  });

  it('quarter 2, 2026-11-05 … 2026-12-28, has 39 working days (5–6 Nov, the moved Saturday 7 Nov, 7 full weeks = 35, 28 Dec)', () => {
    expect(fiveDay.countWorkingDays('2026-11-05', '2026-12-28')).toBe(39);
  });

  it('quarter 3, 2027-01-12 … 2027-03-31, has 55 working days (14 in January + 19 in February + 22 in March)', () => {
    expect(fiveDay.countWorkingDays('2027-01-12', '2027-03-31')).toBe(55);
  });

  it('quarter 4, 2027-04-01 … 2027-05-31, has 43 working days (22 in April + 21 in May)', () => {
    expect(fiveDay.countWorkingDays('2027-04-01', '2027-05-31')).toBe(43);
  });

  it('February 2027 has 19 working days in a 5-day week (20 weekdays − 23 February) and 23 in a 6-day week', () => {
    expect(fiveDay.countWorkingDays('2027-02-01', '2027-02-28')).toBe(19);
    expect(sixDay.countWorkingDays('2027-02-01', '2027-02-28')).toBe(23);
  });

  it('May 2027 has 21 working days in a 5-day week and 25 in a 6-day week (Saturday 1 May is a holiday)', () => {
    expect(fiveDay.countWorkingDays('2027-05-01', '2027-05-31')).toBe(21);
    expect(sixDay.countWorkingDays('2027-05-01', '2027-05-31')).toBe(25);
  });

  it('the whole year has 176 working days = 39 + 39 + 55 + 43, and counting across the summer adds nothing', () => {
    expect(fiveDay.countWorkingDays('2026-09-01', '2027-05-31')).toBe(176);
    expect(fiveDay.countWorkingDays('2026-01-01', '2027-12-31')).toBe(176);
  });

  it('the autumn and winter holidays contain 0 working days', () => {
    expect(fiveDay.countWorkingDays('2026-10-26', '2026-11-04')).toBe(0);
    expect(sixDay.countWorkingDays('2026-12-29', '2027-01-11')).toBe(0);
  });

  it('a range reaching into the summer only counts the days inside the year', () => {
    expect(fiveDay.countWorkingDays('2027-05-25', '2027-06-10')).toBe(5);
    expect(fiveDay.countWorkingDays('2026-08-24', '2026-09-04')).toBe(4);
    expect(fiveDay.countWorkingDays('2027-06-01', '2027-08-31')).toBe(0);
  });

  it('from = to counts that single day: 1 on a working day, 0 otherwise', () => {
    expect(fiveDay.countWorkingDays('2026-09-01', '2026-09-01')).toBe(1);
    expect(fiveDay.countWorkingDays('2026-09-05', '2026-09-05')).toBe(0);
  });

  it('to < from → 0', () => {
    expect(fiveDay.countWorkingDays('2026-09-10', '2026-09-01')).toBe(0);
  });

  it('throws RangeError for a malformed date, even when to < from', () => {
    expect(() => fiveDay.countWorkingDays('2026-09-01', '2026-09-31')).toThrow(RangeError);
    expect(() => fiveDay.countWorkingDays('2026-13-01', '2026-09-01')).toThrow(RangeError);
  });

  it('equals a day-by-day count with isWorkingDay for every month of the year', () => {
    const monthStarts = [
      '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01',
      '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01', '2027-06-01', '2027-07-01',
    ];
    monthStarts.forEach((start, i) => {
      const end = addDays(monthStarts[i + 1] ?? '2027-08-01', -1);
      for (const cal of [fiveDay, sixDay]) {
        const byHand = datesBetween(start, end).filter((d) => cal.isWorkingDay(d)).length;
        expect(cal.countWorkingDays(start, end)).toBe(byHand);
      }
    });
  });
});

describe('WorkingCalendar.workingDaysBetween', () => {
  it('lists the working days around the autumn holidays in ascending order, with the moved Saturday', () => {
    expect(fiveDay.workingDaysBetween('2026-10-22', '2026-11-10')).toEqual([
      '2026-10-22',
      '2026-10-23',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-09',
      '2026-11-10',
    ]);
  });

  it('lists the working days across the new year', () => {
    expect(fiveDay.workingDaysBetween('2026-12-24', '2027-01-13')).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-28',
      '2027-01-12',
      '2027-01-13',
    ]);
  });

  it('to < from → []', () => {
    expect(fiveDay.workingDaysBetween('2026-09-10', '2026-09-01')).toEqual([]);
  });

  it('over the whole year lists exactly the days isWorkingDay accepts, and as many as countWorkingDays', () => {
    for (const cal of [fiveDay, sixDay]) {
      const listed = cal.workingDaysBetween('2026-08-01', '2027-08-31');
      const expected = datesBetween('2026-08-01', '2027-08-31').filter((d) => cal.isWorkingDay(d));
      expect(listed).toEqual(expected);
      expect(listed).toHaveLength(cal.countWorkingDays('2026-08-01', '2027-08-31'));
    }
    expect(sixDay.workingDaysBetween('2026-09-01', '2027-05-31')).toHaveLength(210);
  });

  it('throws RangeError for a malformed date', () => {
    expect(() => fiveDay.workingDaysBetween('2026-09-01', '2026-9-30')).toThrow(RangeError);
  });
});
