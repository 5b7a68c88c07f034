import { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ProblemError } from '../errors/problem';
import { createValidationPipe, flattenValidationErrors } from './validation.pipe';
import { IsHourMinute, IsIsoDate } from './validators';

class BellInput {
  @IsInt()
  @Min(0)
  lessonNumber!: number;

  @IsHourMinute()
  startsAt!: string;

  @IsHourMinute()
  endsAt!: string;
}

class ScheduleInput {
  @IsString()
  @MaxLength(10)
  name!: string;

  @IsOptional()
  @IsInt()
  @Max(5)
  shift?: number;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => BellInput)
  bells!: BellInput[];
}

class PeriodInput {
  @IsIsoDate()
  startsOn!: string;
}

class YearInput {
  @ValidateNested()
  @Type(() => PeriodInput)
  period!: PeriodInput;
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

const GOOD_BELLS = [
  { lessonNumber: 1, startsAt: '08:00', endsAt: '08:45' },
  { lessonNumber: 2, startsAt: '08:55', endsAt: '09:40' },
];

async function rejection(value: unknown, metadata: ArgumentMetadata): Promise<ProblemError> {
  try {
    await createValidationPipe().transform(value, metadata);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return e as ProblemError;
  }
  throw new Error('expected the pipe to refuse the value');
}

describe('flattenValidationErrors', () => {
  it('names nested array items as bells[1].startsAt and drops the property name from the message', () => {
    const tree: ValidationError[] = [
      {
        property: 'bells',
        children: [
          {
            property: '1',
            children: [{ property: 'startsAt', constraints: { isHourMinute: 'startsAt must be a time' }, children: [] }],
          },
        ],
      },
      { property: 'name', constraints: { isString: 'name must be a string', maxLength: 'name must be short' }, children: [] },
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { field: 'bells[1].startsAt', message: 'must be a time' },
      { field: 'name', message: 'must be a string' },
      { field: 'name', message: 'must be short' },
    ]);
  });

  it('keeps messages that do not start with the property name', () => {
    const tree: ValidationError[] = [{ property: 'startsOn', constraints: { isIsoDate: 'must be a date' }, children: [] }];
    expect(flattenValidationErrors(tree)).toEqual([{ field: 'startsOn', message: 'must be a date' }]);
  });

  it('only strips the property name as a whole word', () => {
    const tree: ValidationError[] = [{ property: 'name', constraints: { c: 'names are unique' }, children: [] }];
    expect(flattenValidationErrors(tree)).toEqual([{ field: 'name', message: 'names are unique' }]);
  });

  it('says "is not allowed here" for a property that should not exist', () => {
    const tree: ValidationError[] = [{ property: 'role', constraints: { whitelistValidation: 'property role should not exist' }, children: [] }];
    expect(flattenValidationErrors(tree)).toEqual([{ field: 'role', message: 'is not allowed here' }]);
  });

  it('returns [] for no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});

describe('createValidationPipe', () => {
  it('lets a valid body through as an instance of its DTO', async () => {
    const out: unknown = await createValidationPipe().transform({ name: '1 смена', bells: GOOD_BELLS }, body(ScheduleInput));
    expect(out).toBeInstanceOf(ScheduleInput);
    expect((out as ScheduleInput).bells[1]).toBeInstanceOf(BellInput);
    expect((out as ScheduleInput).bells[1].startsAt).toBe('08:55');
  });

  it('refuses a bad nested array item with 422 naming bells[1].startsAt', async () => {
    const bells = [GOOD_BELLS[0], { ...GOOD_BELLS[1], startsAt: '25:00' }];
    const e = await rejection({ name: '1 смена', bells }, body(ScheduleInput));
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation-failed');
    expect(e.errors).toEqual([{ field: 'bells[1].startsAt', message: 'must be a time in the form HH:MM' }]);
    expect(e.detail).toBe('bells[1].startsAt: must be a time in the form HH:MM');
  });

  it('messages from built-in validators do not start with the property name', async () => {
    const e = await rejection({ name: 42, shift: 9, bells: [{ ...GOOD_BELLS[0], lessonNumber: -1 }] }, body(ScheduleInput));
    expect(e.status).toBe(422);
    const fields = e.errors?.map((x) => x.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['name', 'shift', 'bells[0].lessonNumber']));
    for (const err of e.errors ?? []) {
      const last = err.field.split(/[.[\]]/).filter(Boolean).pop() ?? '';
      expect(err.message.startsWith(`${last} `)).toBe(false);
      expect(err.message).toMatch(/^must /);
    }
    expect(e.errors).toContainEqual({ field: 'shift', message: 'must not be greater than 5' });
    expect(e.errors).toContainEqual({ field: 'bells[0].lessonNumber', message: 'must not be less than 0' });
  });

  it('names a nested object property with a dot', async () => {
    const e = await rejection({ period: { startsOn: '2026-02-30' } }, body(YearInput));
    expect(e.errors).toEqual([{ field: 'period.startsOn', message: 'must be a date in the form YYYY-MM-DD' }]);
  });

  it('an unknown property is named and "is not allowed here"', async () => {
    const e = await rejection({ name: 'x', bells: GOOD_BELLS, isAdmin: true }, body(ScheduleInput));
    expect(e.status).toBe(422);
    expect(e.errors).toEqual([{ field: 'isAdmin', message: 'is not allowed here' }]);
  });

  it('an unknown property inside an array item is named with its path', async () => {
    const bells = [GOOD_BELLS[0], { ...GOOD_BELLS[1], room: '12' }];
    const e = await rejection({ name: 'x', bells }, body(ScheduleInput));
    expect(e.errors).toEqual([{ field: 'bells[1].room', message: 'is not allowed here' }]);
  });

  it('does not coerce strings into numbers in a body', async () => {
    const e = await rejection({ name: 'x', bells: [{ ...GOOD_BELLS[0], lessonNumber: '1' }] }, body(ScheduleInput));
    expect(e.errors).toContainEqual({ field: 'bells[0].lessonNumber', message: 'must be an integer number' });
  });

  it('missing required properties are named', async () => {
    const e = await rejection({}, body(ScheduleInput));
    const fields = new Set(e.errors?.map((x) => x.field));
    expect(fields).toEqual(new Set(['name', 'bells']));
  });

  it('a failure whose constraints all name one code in their context answers with that code; mixed failures with validation-failed', async () => {
    class MarkInput {
      @IsInt({ context: { code: 'mark-value-invalid' } })
      @Min(1, { context: { code: 'mark-value-invalid' } })
      @Max(5, { context: { code: 'mark-value-invalid' } })
      value!: unknown;

      @IsString()
      comment!: string;
    }
    for (const value of ['5+', 6, 0, 5.5]) {
      const e = await rejection({ value, comment: 'ок' }, body(MarkInput));
      expect({ value, code: e.code }).toEqual({ value, code: 'mark-value-invalid' });
    }
    expect((await rejection({ value: 6, comment: 1 }, body(MarkInput))).code).toBe('validation-failed');
    expect((await rejection({ value: 4, comment: 1 }, body(MarkInput))).code).toBe('validation-failed');
  });
});
