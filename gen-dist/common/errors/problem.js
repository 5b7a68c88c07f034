"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemError = exports.ERROR_URN_PREFIX = exports.PROBLEM_CONTENT_TYPE = exports.ProblemDetails = exports.FieldError = void 0;
exports.validationProblem = validationProblem;
exports.fieldProblem = fieldProblem;
exports.notFound = notFound;
exports.conflict = conflict;
const swagger_1 = require("@nestjs/swagger");
/** One invalid field of a request, e.g. `{ field: 'bells[2].startsAt', message: 'must be after the end of lesson 2' }`. */
class FieldError {
}
exports.FieldError = FieldError;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'weight' }),
    __metadata("design:type", String)
], FieldError.prototype, "field", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'must be greater than 0' }),
    __metadata("design:type", String)
], FieldError.prototype, "message", void 0);
/** RFC 9457 problem details, the body of every error answer (`application/problem+json`). */
class ProblemDetails {
}
exports.ProblemDetails = ProblemDetails;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'urn:ejournal:error:validation-failed', description: 'URN naming the kind of problem' }),
    __metadata("design:type", String)
], ProblemDetails.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Validation failed' }),
    __metadata("design:type", String)
], ProblemDetails.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 422 }),
    __metadata("design:type", Number)
], ProblemDetails.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'weight: must be greater than 0' }),
    __metadata("design:type", String)
], ProblemDetails.prototype, "detail", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'validation-failed', description: 'Stable machine-readable code' }),
    __metadata("design:type", String)
], ProblemDetails.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0f8fad5b-d9cb-469f-a165-70867728950e', description: 'The request id, also sent as X-Request-Id' }),
    __metadata("design:type", String)
], ProblemDetails.prototype, "correlationId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '/api/v1/mark-types', description: 'The request path' }),
    __metadata("design:type", String)
], ProblemDetails.prototype, "instance", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [FieldError], description: 'Per-field messages of a validation problem' }),
    __metadata("design:type", Array)
], ProblemDetails.prototype, "errors", void 0);
exports.PROBLEM_CONTENT_TYPE = 'application/problem+json';
exports.ERROR_URN_PREFIX = 'urn:ejournal:error:';
/**
 * An error with a stable code that the problem filter turns into problem+json.
 * Modules throw these (through the helpers below or their own subclasses); HTTP status is part of the error.
 */
class ProblemError extends Error {
    constructor(status, code, title, detail, errors, extensions) {
        super(detail ?? title);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
        this.extensions = extensions;
        this.name = 'ProblemError';
    }
}
exports.ProblemError = ProblemError;
/** 422 with one or more field errors. */
function validationProblem(errors, code = 'validation-failed', title = 'Validation failed') {
    return new ProblemError(422, code, title, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}
/** 422 naming one field, with a domain-specific code (e.g. `period-overlap`). */
function fieldProblem(code, field, message, title = 'Validation failed') {
    return validationProblem([{ field, message }], code, title);
}
/** 404 for a record that does not exist or is outside the caller's reach (never 403 for records). */
function notFound(what) {
    return new ProblemError(404, 'not-found', 'Not found', `${what} not found`);
}
/** 409 for a state conflict (duplicate key, record in use). */
function conflict(code, detail, extensions) {
    return new ProblemError(409, code, 'Conflict', detail, undefined, extensions);
}
//# sourceMappingURL=problem.js.map