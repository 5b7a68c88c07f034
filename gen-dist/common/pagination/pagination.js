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
exports.PageQuery = exports.MAX_PAGE_LIMIT = exports.DEFAULT_PAGE_LIMIT = void 0;
exports.encodeCursor = encodeCursor;
exports.decodeCursor = decodeCursor;
exports.paginate = paginate;
exports.ApiPageResponse = ApiPageResponse;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const problem_1 = require("../errors/problem");
const validators_1 = require("../validation/validators");
exports.DEFAULT_PAGE_LIMIT = 50;
exports.MAX_PAGE_LIMIT = 500;
/** `?limit=&cursor=` of every list. */
class PageQuery {
}
exports.PageQuery = PageQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: exports.MAX_PAGE_LIMIT, default: exports.DEFAULT_PAGE_LIMIT, description: 'Items per page' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(exports.MAX_PAGE_LIMIT),
    __metadata("design:type", Number)
], PageQuery.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Opaque cursor from the previous page\'s nextCursor' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(1024),
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_-]+$/, { message: 'is not a valid cursor' }),
    __metadata("design:type", String)
], PageQuery.prototype, "cursor", void 0);
function encodeCursor(values) {
    return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A cursor value fits the SQL type it will be cast to (a forged cursor must not reach the database). */
function fits(value, cast) {
    switch (cast) {
        case 'uuid':
            return typeof value === 'string' && UUID.test(value);
        case 'date':
            return (0, validators_1.isRealIsoDate)(value);
        case 'int':
            return Number.isSafeInteger(value);
        case 'text':
            return typeof value === 'string' && value.length <= 1000;
    }
}
function decodeCursor(cursor, casts) {
    try {
        const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Array.isArray(parsed) && parsed.length === casts.length && parsed.every((v, i) => fits(v, casts[i]))) {
            return parsed;
        }
    }
    catch {
        /* fall through */
    }
    throw new problem_1.ProblemError(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is not one this API issued', [
        { field: 'cursor', message: 'is not a valid cursor' },
    ]);
}
/**
 * Keyset pagination on a query builder: orders by the keys (ascending), continues after the cursor,
 * reads one row more than asked to know whether there is a next page.
 */
async function paginate(qb, keys, query, keyOf, map) {
    const limit = query.limit ?? exports.DEFAULT_PAGE_LIMIT;
    if (query.cursor) {
        const values = decodeCursor(query.cursor, keys.map((k) => k.cast));
        const left = keys.map((k) => k.sql).join(', ');
        const right = keys.map((k, i) => `CAST(:__c${i} AS ${k.cast})`).join(', ');
        qb.andWhere(`(${left}) > (${right})`, Object.fromEntries(values.map((v, i) => [`__c${i}`, v])));
    }
    keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.sql, 'ASC') : qb.addOrderBy(k.sql, 'ASC')));
    const rows = await qb.limit(limit + 1).getMany();
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    return {
        items: pageRows.map(map),
        nextCursor: more ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
    };
}
/** Documents a `{ items, nextCursor }` answer. */
function ApiPageResponse(model, description = 'One page of items') {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiExtraModels)(model), (0, swagger_1.ApiOkResponse)({
        description,
        schema: {
            type: 'object',
            required: ['items', 'nextCursor'],
            properties: {
                items: { type: 'array', items: { $ref: (0, swagger_1.getSchemaPath)(model) } },
                nextCursor: { type: 'string', nullable: true, description: 'Cursor of the next page; null on the last page' },
            },
        },
    }));
}
//# sourceMappingURL=pagination.js.map