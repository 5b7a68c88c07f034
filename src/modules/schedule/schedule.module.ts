import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Room } from './entities/room.entity';
import { TimetableEntry } from './entities/timetable-entry.entity';
import { RoomController } from './room.controller';
import { RoomService } from './room.service';
import { TimetableController } from './timetable.controller';
import { TimetableViewController } from './timetable-view.controller';
import { TimetableViewService } from './timetable-view.service';
import { TimetableService } from './timetable.service';

/** Schedule (issue 5): rooms, the weekly timetable and its views (day, week). Dated changes and lessons build on TimetableService's tables. */
@Module({
  imports: [TypeOrmModule.forFeature([Room, TimetableEntry])],
  controllers: [RoomController, TimetableController, TimetableViewController],
  providers: [RoomService, TimetableService, TimetableViewService],
  exports: [TimetableService, TimetableViewService],
})
export class ScheduleModule {}
