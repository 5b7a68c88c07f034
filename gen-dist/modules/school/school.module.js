"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SchoolModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const academic_year_controller_1 = require("./academic-year.controller");
const academic_year_service_1 = require("./academic-year.service");
const bell_schedule_controller_1 = require("./bell-schedule.controller");
const bell_schedule_service_1 = require("./bell-schedule.service");
const calendar_service_1 = require("./calendar.service");
const academic_year_entity_1 = require("./entities/academic-year.entity");
const bell_schedule_entity_1 = require("./entities/bell-schedule.entity");
const calendar_day_entity_1 = require("./entities/calendar-day.entity");
const holiday_entity_1 = require("./entities/holiday.entity");
const mark_type_entity_1 = require("./entities/mark-type.entity");
const school_settings_entity_1 = require("./entities/school-settings.entity");
const school_entity_1 = require("./entities/school.entity");
const study_period_entity_1 = require("./entities/study-period.entity");
const week_pattern_entity_1 = require("./entities/week-pattern.entity");
const mark_type_controller_1 = require("./mark-type.controller");
const mark_type_service_1 = require("./mark-type.service");
const school_controller_1 = require("./school.controller");
const school_service_1 = require("./school.service");
/** School, calendar, bells, mark types and settings (R-SCH-1, R-JRN-2, R-FC-5). */
let SchoolModule = class SchoolModule {
};
exports.SchoolModule = SchoolModule;
exports.SchoolModule = SchoolModule = __decorate([
    (0, common_1.Module)({
        imports: [
            typeorm_1.TypeOrmModule.forFeature([
                school_entity_1.School, school_settings_entity_1.SchoolSettings, academic_year_entity_1.AcademicYear, study_period_entity_1.StudyPeriod, holiday_entity_1.Holiday, calendar_day_entity_1.CalendarDay, week_pattern_entity_1.WeekPattern, bell_schedule_entity_1.BellSchedule, bell_schedule_entity_1.Bell, mark_type_entity_1.MarkType,
            ]),
        ],
        controllers: [school_controller_1.SchoolController, academic_year_controller_1.AcademicYearController, bell_schedule_controller_1.BellScheduleController, mark_type_controller_1.MarkTypeController],
        providers: [school_service_1.SchoolService, academic_year_service_1.AcademicYearService, calendar_service_1.CalendarService, bell_schedule_service_1.BellScheduleService, mark_type_service_1.MarkTypeService],
        exports: [calendar_service_1.CalendarService, school_service_1.SchoolService],
    })
], SchoolModule);
//# sourceMappingURL=school.module.js.map