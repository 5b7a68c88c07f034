import { ValidateIf } from 'class-validator';

/**
 * A property the body may leave out. Unlike class-validator's IsOptional, an explicit `null` is NOT skipped: it is
 * validated like any value (and so refused with 422 by the property's own rules) unless the property is declared
 * `nullable` — a column that may be cleared. A null must never travel on to a NOT NULL column and come back as a 500.
 */
export function Optional(options: { nullable?: boolean } = {}): PropertyDecorator {
  return ValidateIf((_: object, value: unknown) => value !== undefined && !(options.nullable === true && value === null));
}
