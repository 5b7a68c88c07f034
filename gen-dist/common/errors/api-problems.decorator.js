"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiProblems = ApiProblems;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const problem_1 = require("./problem");
const DESCRIPTIONS = {
    400: 'Malformed request (body, cursor or parameter)',
    401: 'No valid access token',
    403: 'The role may not call this operation',
    404: 'Not found, or outside the caller\'s reach',
    409: 'Conflicts with the current state',
    413: 'Request body too large',
    422: 'Validation failed; `errors` names each field',
    503: 'Not ready',
};
/** Documents the problem+json answers an operation can give (@Access adds 401 and 403 itself). */
function ApiProblems(...statuses) {
    return (0, common_1.applyDecorators)(...statuses.map((status) => (0, swagger_1.ApiResponse)({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [problem_1.PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    })));
}
//# sourceMappingURL=api-problems.decorator.js.map