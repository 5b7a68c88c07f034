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
exports.CONFIG_VARIABLES = exports.ConfigError = exports.AppConfig = void 0;
exports.loadConfig = loadConfig;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const toInt = ({ value }) => typeof value === 'string' && value.trim() !== '' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }) => {
    if (typeof value !== 'string')
        return value;
    const v = value.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v))
        return true;
    if (['0', 'false', 'no', 'off'].includes(v))
        return false;
    return value;
};
/**
 * Every environment variable the service reads, validated once at start-up.
 * `.env.example` documents the same list; a test keeps the two in step.
 */
class AppConfig {
    constructor() {
        /** development | production | test */
        this.NODE_ENV = 'development';
        /** Address the HTTP server binds to. */
        this.HOST = '0.0.0.0';
        /** HTTP port. */
        this.PORT = 3000;
        /** Connections in the pool of each process. */
        this.DATABASE_POOL_SIZE = 10;
        /** Data folder of the embedded PostgreSQL (used only without DATABASE_URL). */
        this.EMBEDDED_PG_DIR = './.data';
        /** Port of the embedded PostgreSQL (used only without DATABASE_URL). */
        this.EMBEDDED_PG_PORT = 54329;
        /** Lifetime of an access token in seconds. */
        this.JWT_ACCESS_TTL = 900;
        /** Comma-separated list of origins allowed by CORS; empty means no cross-origin access. */
        this.CORS_ORIGINS = '';
        /** Largest accepted request body in bytes. */
        this.BODY_LIMIT = 1024 * 1024;
        /** pino log level. */
        this.LOG_LEVEL = 'info';
        /** Trust X-Forwarded-* headers from a reverse proxy (client address for logs and audit). */
        this.TRUST_PROXY = false;
        /** Not a variable: set at start-up when this process runs the embedded PostgreSQL. */
        this.embeddedDatabase = false;
    }
    get corsOrigins() {
        return this.CORS_ORIGINS.split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    }
}
exports.AppConfig = AppConfig;
__decorate([
    (0, class_validator_1.IsIn)(['development', 'production', 'test']),
    __metadata("design:type", String)
], AppConfig.prototype, "NODE_ENV", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "HOST", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "PORT", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' }),
    __metadata("design:type", String)
], AppConfig.prototype, "DATABASE_URL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Object)
], AppConfig.prototype, "DATABASE_POOL_SIZE", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "EMBEDDED_PG_DIR", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "EMBEDDED_PG_PORT", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' }),
    __metadata("design:type", String)
], AppConfig.prototype, "REDIS_URL", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(32),
    (0, class_validator_1.MaxLength)(512),
    __metadata("design:type", String)
], AppConfig.prototype, "JWT_SECRET", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(30),
    (0, class_validator_1.Max)(3600),
    __metadata("design:type", Object)
], AppConfig.prototype, "JWT_ACCESS_TTL", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "CORS_ORIGINS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1024),
    (0, class_validator_1.Max)(100 * 1024 * 1024),
    __metadata("design:type", Object)
], AppConfig.prototype, "BODY_LIMIT", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    __metadata("design:type", String)
], AppConfig.prototype, "LOG_LEVEL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRUST_PROXY", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], AppConfig.prototype, "SEED_DEMO", void 0);
class ConfigError extends Error {
    constructor(problems) {
        super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
exports.ConfigError = ConfigError;
/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
function loadConfig(env = process.env) {
    const source = {};
    for (const key of exports.CONFIG_VARIABLES) {
        const value = env[key];
        // an empty variable means "not set": the default applies
        if (value !== undefined && value.trim() !== '')
            source[key] = value;
    }
    const config = (0, class_transformer_1.plainToInstance)(AppConfig, source, { exposeDefaultValues: true });
    const errors = (0, class_validator_1.validateSync)(config, { skipMissingProperties: false, forbidUnknownValues: true });
    if (errors.length > 0) {
        throw new ConfigError(errors.map((e) => {
            const shown = e.property === 'JWT_SECRET' || e.property === 'DATABASE_URL' || e.property === 'REDIS_URL'
                ? '(value hidden)'
                : JSON.stringify(e.value);
            return `${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
        }));
    }
    return config;
}
/** Names of all variables, for the .env.example check. */
exports.CONFIG_VARIABLES = [
    'NODE_ENV', 'HOST', 'PORT', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT',
    'REDIS_URL', 'JWT_SECRET', 'JWT_ACCESS_TTL', 'CORS_ORIGINS', 'BODY_LIMIT', 'LOG_LEVEL', 'TRUST_PROXY', 'SEED_DEMO',
];
//# sourceMappingURL=app-config.js.map