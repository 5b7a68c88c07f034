import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** Strict 'YYYY-MM-DD' that names a real calendar date. */
export function isRealIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function custom(name: string, message: string, test: (v: unknown) => boolean, options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

/** A school-local calendar date 'YYYY-MM-DD'. */
export function IsIsoDate(options?: ValidationOptions & { api?: ApiPropertyOptions }): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date', example: '2026-09-01', ...(options?.api ?? {}) } as ApiPropertyOptions),
    custom('isIsoDate', 'must be a date in the form YYYY-MM-DD', isRealIsoDate, options),
  );
}

/** A time of day 'HH:MM' (24 h). */
export function IsHourMinute(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', example: '08:00' }),
    custom('isHourMinute', 'must be a time in the form HH:MM', (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v), options),
  );
}

/** An IANA time zone known to this runtime, e.g. 'Asia/Krasnoyarsk'. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return custom(
    'isTimeZone',
    'must be an IANA time zone such as Asia/Krasnoyarsk',
    (v) => {
      if (typeof v !== 'string' || v.length > 64 || !v.includes('/')) return false;
      try {
        new Intl.DateTimeFormat('en', { timeZone: v });
        return true;
      } catch {
        return false;
      }
    },
    options,
  );
}
