"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.API_PREFIX = void 0;
exports.createFastifyAdapter = createFastifyAdapter;
exports.applyApiPrefix = applyApiPrefix;
exports.configureApp = configureApp;
const helmet_1 = __importDefault(require("@fastify/helmet"));
const common_1 = require("@nestjs/common");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const node_crypto_1 = require("node:crypto");
const nestjs_pino_1 = require("nestjs-pino");
exports.API_PREFIX = 'api/v1';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Fastify options: body limit, proxy trust, request ids that follow a caller's valid X-Request-Id. */
function createFastifyAdapter(config) {
    return new platform_fastify_1.FastifyAdapter({
        bodyLimit: config.BODY_LIMIT,
        trustProxy: config.TRUST_PROXY,
        logger: false,
        routerOptions: { ignoreTrailingSlash: true },
        genReqId: (raw) => {
            const given = raw.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
            raw.id = id;
            return id;
        },
    });
}
/** `/api/v1` before every route but the health probes. */
function applyApiPrefix(app) {
    app.setGlobalPrefix(exports.API_PREFIX, {
        exclude: [
            { path: 'health/live', method: common_1.RequestMethod.GET },
            { path: 'health/ready', method: common_1.RequestMethod.GET },
        ],
    });
}
/** Everything about the HTTP app that tests must share with production: prefix, request ids, headers, CORS, logs. */
async function configureApp(app, config) {
    app.useLogger(app.get(nestjs_pino_1.Logger));
    applyApiPrefix(app);
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', async (request, reply) => {
        reply.header('x-request-id', request.id);
    });
    await app.register(helmet_1.default, {
        contentSecurityPolicy: {
            directives: {
                defaultSrc: ["'self'"],
                scriptSrc: ["'self'"],
                styleSrc: ["'self'", "'unsafe-inline'"],
                imgSrc: ["'self'", 'data:'],
            },
        },
    });
    app.enableCors(config.corsOrigins.length > 0
        ? { origin: config.corsOrigins, credentials: false, exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'], maxAge: 600 }
        : { origin: false });
}
//# sourceMappingURL=configure-app.js.map