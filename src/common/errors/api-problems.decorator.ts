import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (body, cursor or parameter)',
  401: 'No valid access token',
  403: 'The role may not call this operation',
  404: 'Not found, or outside the caller\'s reach',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  422: 'Validation failed; `errors` names each field',
  429: 'Too many attempts; try again after the `Retry-After` seconds',
  503: 'Not ready',
};

/** Documents the problem+json answers an operation can give (@Access adds 401 and 403 itself). */
export function ApiProblems(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      }),
    ),
  );
}
