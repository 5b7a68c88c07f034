import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassController } from './class.controller';
import { SchoolClass } from './class.entity';
import { ClassService } from './class.service';
import { StaffController } from './staff.controller';
import { Staff } from './staff.entity';
import { StaffService } from './staff.service';

/** Contingent: staff and classes (issue 4). */
@Module({
  imports: [TypeOrmModule.forFeature([Staff, SchoolClass])],
  controllers: [StaffController, ClassController],
  providers: [StaffService, ClassService],
})
export class ContingentModule {}
