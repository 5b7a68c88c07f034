"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.flattenValidationErrors = flattenValidationErrors;
exports.createValidationPipe = createValidationPipe;
const common_1 = require("@nestjs/common");
const problem_1 = require("../errors/problem");
/** Flattens class-validator's tree into `[{ field: 'bells[2].startsAt', message }]`. */
function flattenValidationErrors(errors, parent = '') {
    const out = [];
    for (const e of errors) {
        const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
        for (const message of Object.values(e.constraints ?? {})) {
            // class-validator starts its messages with the property name; the field says it already
            const text = message.startsWith(`${e.property} `) ? message.slice(e.property.length + 1) : message;
            out.push({ field, message: text.replace(/^property \S+ should not exist$/, 'is not allowed here') });
        }
        if (e.children && e.children.length > 0)
            out.push(...flattenValidationErrors(e.children, field));
    }
    return out;
}
/**
 * Global validation: unknown properties are refused (no mass assignment), strings are never coerced into
 * other types silently except query/path parameters declared as numbers, and every failure is a 422 naming the fields.
 */
function createValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        transform: true,
        transformOptions: { enableImplicitConversion: false },
        validationError: { target: false, value: false },
        exceptionFactory: (errors) => (0, problem_1.validationProblem)(flattenValidationErrors(errors)),
    });
}
//# sourceMappingURL=validation.pipe.js.map