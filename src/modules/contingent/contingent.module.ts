import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassController } from './class.controller';
import { SchoolClass } from './class.entity';
import { ClassService } from './class.service';
import { StaffController } from './staff.controller';
import { Staff } from './staff.entity';
import { StaffService } from './staff.service';
import { SubjectController } from './subject.controller';
import { Subject } from './subject.entity';
import { SubjectService } from './subject.service';

/** Contingent (issue 4): subjects, staff and classes; students, guardians and movement come next. */
@Module({
  imports: [TypeOrmModule.forFeature([Subject, Staff, SchoolClass])],
  controllers: [SubjectController, StaffController, ClassController],
  providers: [SubjectService, StaffService, ClassService],
})
export class ContingentModule {}
