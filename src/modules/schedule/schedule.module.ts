import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '../messaging/messaging.module';
import { Lesson } from './entities/lesson.entity';
import { LessonDerivation } from './lesson-derivation';
import { Room } from './entities/room.entity';
import { TimetableChange } from './entities/timetable-change.entity';
import { TimetableEntry } from './entities/timetable-entry.entity';
import { RoomController } from './room.controller';
import { RoomService } from './room.service';
import { TimetableChangeController } from './timetable-change.controller';
import { TimetableChangeService } from './timetable-change.service';
import { TimetableController } from './timetable.controller';
import { TimetableViewController } from './timetable-view.controller';
import { TimetableViewService } from './timetable-view.service';
import { TimetableService } from './timetable.service';

/**
 * Schedule (issue 5): rooms, the weekly timetable, its dated changes (substitutions…), its views (day, week) and the
 * dated lessons derived from them and the calendar (LessonDerivation listens to every source's writes).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Room, TimetableEntry, TimetableChange, Lesson]), MessagingModule],
  controllers: [RoomController, TimetableController, TimetableViewController, TimetableChangeController],
  providers: [RoomService, TimetableService, TimetableViewService, TimetableChangeService, LessonDerivation],
  exports: [TimetableService, TimetableViewService, TimetableChangeService],
})
export class ScheduleModule {}
