import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { Attendance, AttendanceHistory, AttendanceWeek } from './entities/attendance.entity';

/** Attendance (issue 6, R-ATT): absences per lesson, the class teacher's weekly verification, missed lessons. */
@Module({
  imports: [TypeOrmModule.forFeature([Attendance, AttendanceHistory, AttendanceWeek])],
  controllers: [AttendanceController],
  providers: [AttendanceService],
})
export class AttendanceModule {}
