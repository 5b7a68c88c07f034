"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildOpenApiDocument = buildOpenApiDocument;
const swagger_1 = require("@nestjs/swagger");
const access_decorator_1 = require("../access/access.decorator");
const problem_1 = require("../errors/problem");
const TAGS = [
    { name: 'auth', description: 'Sign-in and the signed-in user' },
    { name: 'health', description: 'Liveness and readiness probes' },
    { name: 'school', description: 'School, academic years, study periods, calendar, bells, mark types, settings' },
];
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map((k) => [k, sortKeys(value[k])]));
    }
    return value;
}
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/**
 * The OpenAPI contract, the same for /docs and `npm run openapi`: public operations carry an empty
 * security requirement, every operation documents its problem+json errors, keys are sorted so the file diffs well.
 */
function buildOpenApiDocument(app) {
    const config = new swagger_1.DocumentBuilder()
        .setTitle('Электронный журнал — API')
        .setDescription('REST API of the electronic class journal and diary (электронный журнал / дневник) for Russian schools. ' +
        'Errors are RFC 9457 problem+json with a stable `code`; lists are cursor-paginated (`limit`, `cursor`).')
        .setVersion('1.0.0')
        .setLicense('MIT', 'https://opensource.org/licenses/MIT')
        .addServer('/', 'This server')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, access_decorator_1.BEARER_SCHEME)
        .build();
    config.tags = TAGS;
    const document = swagger_1.SwaggerModule.createDocument(app, config, {
        extraModels: [problem_1.ProblemDetails, problem_1.FieldError],
        operationIdFactory: (controllerKey, methodKey) => `${controllerKey}_${methodKey}`,
    });
    for (const path of Object.values(document.paths)) {
        for (const method of METHODS) {
            const op = path[method];
            if (!op)
                continue;
            if (op['x-public'])
                op.security = [];
            op.responses['500'] ??= {
                description: 'Unexpected error; quote the correlationId',
                content: { [problem_1.PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
            };
        }
    }
    return sortKeys(document);
}
//# sourceMappingURL=openapi-document.js.map