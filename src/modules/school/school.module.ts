import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AcademicYearController } from './academic-year.controller';
import { AcademicYearService } from './academic-year.service';
import { BellScheduleController } from './bell-schedule.controller';
import { BellScheduleService } from './bell-schedule.service';
import { CalendarService } from './calendar.service';
import { AcademicYear } from './entities/academic-year.entity';
import { Bell, BellSchedule } from './entities/bell-schedule.entity';
import { CalendarDay } from './entities/calendar-day.entity';
import { Holiday } from './entities/holiday.entity';
import { MarkType } from './entities/mark-type.entity';
import { SchoolSettings } from './entities/school-settings.entity';
import { School } from './entities/school.entity';
import { StudyPeriod } from './entities/study-period.entity';
import { WeekPattern } from './entities/week-pattern.entity';
import { MarkTypeController } from './mark-type.controller';
import { MarkTypeService } from './mark-type.service';
import { SchoolController } from './school.controller';
import { SchoolService } from './school.service';

/** School, calendar, bells, mark types and settings (R-SCH-1, R-JRN-2, R-FC-5). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      School, SchoolSettings, AcademicYear, StudyPeriod, Holiday, CalendarDay, WeekPattern, BellSchedule, Bell, MarkType,
    ]),
  ],
  controllers: [SchoolController, AcademicYearController, BellScheduleController, MarkTypeController],
  providers: [SchoolService, AcademicYearService, CalendarService, BellScheduleService, MarkTypeService],
  exports: [CalendarService, SchoolService],
})
export class SchoolModule {}
