"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isRealIsoDate = isRealIsoDate;
exports.IsIsoDate = IsIsoDate;
exports.IsHourMinute = IsHourMinute;
exports.IsTimeZone = IsTimeZone;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
/** Strict 'YYYY-MM-DD' that names a real calendar date. */
function isRealIsoDate(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        return false;
    const [y, m, d] = value.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
function custom(name, message, test, options) {
    return (object, propertyName) => (0, class_validator_1.registerDecorator)({
        name,
        target: object.constructor,
        propertyName: String(propertyName),
        options: { message, ...options },
        validator: { validate: test },
    });
}
/** A school-local calendar date 'YYYY-MM-DD'. */
function IsIsoDate(options) {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiProperty)({ type: String, format: 'date', example: '2026-09-01', ...(options?.api ?? {}) }), custom('isIsoDate', 'must be a date in the form YYYY-MM-DD', isRealIsoDate, options));
}
/** A time of day 'HH:MM' (24 h). */
function IsHourMinute(options) {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiProperty)({ type: String, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', example: '08:00' }), custom('isHourMinute', 'must be a time in the form HH:MM', (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v), options));
}
/** An IANA time zone known to this runtime, e.g. 'Asia/Krasnoyarsk'. */
function IsTimeZone(options) {
    return custom('isTimeZone', 'must be an IANA time zone such as Asia/Krasnoyarsk', (v) => {
        if (typeof v !== 'string' || v.length > 64 || !v.includes('/'))
            return false;
        try {
            new Intl.DateTimeFormat('en', { timeZone: v });
            return true;
        }
        catch {
            return false;
        }
    }, options);
}
//# sourceMappingURL=validators.js.map