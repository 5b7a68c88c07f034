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
exports.CalendarDay = exports.CalendarDayKind = void 0;
const typeorm_1 = require("typeorm");
const year_scoped_entity_1 = require("./year-scoped.entity");
var CalendarDayKind;
(function (CalendarDayKind) {
    /** нерабочий (праздничный) день */
    CalendarDayKind["NonWorking"] = "non_working";
    /** перенесённый рабочий день (e.g. a working Saturday) */
    CalendarDayKind["Working"] = "working";
})(CalendarDayKind || (exports.CalendarDayKind = CalendarDayKind = {}));
/** An exception to the weekly pattern: a state holiday or a moved working day. */
let CalendarDay = class CalendarDay extends year_scoped_entity_1.YearScopedEntity {
};
exports.CalendarDay = CalendarDay;
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], CalendarDay.prototype, "date", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], CalendarDay.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], CalendarDay.prototype, "reason", void 0);
exports.CalendarDay = CalendarDay = __decorate([
    (0, typeorm_1.Entity)('calendar_day'),
    (0, typeorm_1.Index)('uq_calendar_day_date', ['schoolId', 'date'], { unique: true }),
    (0, typeorm_1.Index)('ix_calendar_day_year', ['schoolId', 'academicYearId']),
    (0, typeorm_1.Check)('ck_calendar_day_kind', `"kind" IN ('non_working', 'working')`)
], CalendarDay);
//# sourceMappingURL=calendar-day.entity.js.map