import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Room } from './entities/room.entity';
import { TimetableEntry } from './entities/timetable-entry.entity';
import { RoomController } from './room.controller';
import { RoomService } from './room.service';
import { TimetableController } from './timetable.controller';
import { TimetableService } from './timetable.service';

/** Schedule (issue 5): rooms and the weekly timetable. Dated changes and lessons build on TimetableService's tables. */
@Module({
  imports: [TypeOrmModule.forFeature([Room, TimetableEntry])],
  controllers: [RoomController, TimetableController],
  providers: [RoomService, TimetableService],
  exports: [TimetableService],
})
export class ScheduleModule {}
