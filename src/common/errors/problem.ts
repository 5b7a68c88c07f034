import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One invalid field of a request, e.g. `{ field: 'bells[2].startsAt', message: 'must be after the end of lesson 2' }`. */
export class FieldError {
  @ApiProperty({ example: 'weight' })
  field!: string;

  @ApiProperty({ example: 'must be greater than 0' })
  message!: string;
}

/** One rejected row of an uploaded file, e.g. `{ row: 7, column: 'Часы', message: 'не число' }` (messages in Russian). */
export class FileRowError {
  @ApiProperty({ type: Number, nullable: true, example: 7, description: 'the row of the sheet or line of the file; null for the file as a whole' })
  row!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Часы', description: "the column's header; null when not about one column" })
  column!: string | null;

  @ApiProperty({ example: 'не число' })
  message!: string;
}

/** RFC 9457 problem details, the body of every error answer (`application/problem+json`). */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:ejournal:error:validation-failed', description: 'URN naming the kind of problem' })
  type!: string;

  @ApiProperty({ example: 'Validation failed' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiPropertyOptional({ example: 'weight: must be greater than 0' })
  detail?: string;

  @ApiProperty({ example: 'validation-failed', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: '0f8fad5b-d9cb-469f-a165-70867728950e', description: 'The request id, also sent as X-Request-Id' })
  correlationId!: string;

  @ApiPropertyOptional({ example: '/api/v1/mark-types', description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldError], description: 'Per-field messages of a validation problem' })
  errors?: FieldError[];

  @ApiPropertyOptional({ type: [FileRowError], description: 'Per-row messages of an uploaded file that was refused as a whole' })
  rowErrors?: FileRowError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const ERROR_URN_PREFIX = 'urn:ejournal:error:';

/**
 * An error with a stable code that the problem filter turns into problem+json.
 * Modules throw these (through the helpers below or their own subclasses); HTTP status is part of the error.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extensions?: Record<string, unknown>,
    /** response headers that belong to the answer, e.g. `Retry-After` of a 429 */
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

/** 422 with one or more field errors. */
export function validationProblem(errors: FieldError[], code = 'validation-failed', title = 'Validation failed'): ProblemError {
  return new ProblemError(422, code, title, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** 422 naming one field, with a domain-specific code (e.g. `period-overlap`). */
export function fieldProblem(code: string, field: string, message: string, title = 'Validation failed'): ProblemError {
  return validationProblem([{ field, message }], code, title);
}

/** 404 for a record that does not exist or is outside the caller's reach (never 403 for records). */
export function notFound(what: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Not found', `${what} not found`);
}

/** 409 for a state conflict (duplicate key, record in use). */
export function conflict(code: string, detail: string, extensions?: Record<string, unknown>): ProblemError {
  return new ProblemError(409, code, 'Conflict', detail, undefined, extensions);
}
