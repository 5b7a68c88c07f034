import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationProblem } from '../errors/problem';
import { memoizeValidationMetadata } from './validation-metadata-memo';

/** Flattens class-validator's tree into `[{ field: 'bells[2].startsAt', message }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) {
      // class-validator starts its messages with the property name; the field says it already
      const text = message.startsWith(`${e.property} `) ? message.slice(e.property.length + 1) : message;
      out.push({ field, message: text.replace(/^property \S+ should not exist$/, 'is not allowed here') });
    }
    if (e.children && e.children.length > 0) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/**
 * The stable code of a validation failure: when every failing constraint names the same code in its context
 * (`@IsInt({ context: { code: 'mark-value-invalid' } })`), that code; otherwise undefined (`validation-failed`).
 */
export function validationCode(errors: ValidationError[]): string | undefined {
  const codes = new Set<string | undefined>();
  const walk = (list: ValidationError[]) => {
    for (const e of list) {
      for (const constraint of Object.keys(e.constraints ?? {})) {
        const code = (e.contexts?.[constraint] as { code?: unknown } | undefined)?.code;
        codes.add(typeof code === 'string' ? code : undefined);
      }
      if (e.children) walk(e.children);
    }
  };
  walk(errors);
  return codes.size === 1 ? [...codes][0] : undefined;
}

/**
 * Global validation: unknown properties are refused (no mass assignment), strings are never coerced into
 * other types silently except query/path parameters declared as numbers, and every failure is a 422 naming the fields.
 */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors), validationCode(errors)),
  });
}
