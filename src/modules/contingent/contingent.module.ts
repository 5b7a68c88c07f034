import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassController } from './class.controller';
import { SchoolClass } from './class.entity';
import { ClassService } from './class.service';
import { GuardianController } from './guardian.controller';
import { GuardianService } from './guardian.service';
import { MovementController } from './movement.controller';
import { MovementService } from './movement.service';
import { StudentController } from './student.controller';
import { StudentService } from './student.service';
import { Enrollment, Movement } from './entities/enrollment.entity';
import { Guardian, StudentGuardian } from './entities/guardian.entity';
import { Student } from './entities/student.entity';
import { Subgroup, SubgroupMember } from './entities/subgroup.entity';
import { TeachingAssignment } from './entities/teaching-assignment.entity';
import { TeachingAssignmentController } from './teaching-assignment.controller';
import { TeachingAssignmentService } from './teaching-assignment.service';
import { StaffController } from './staff.controller';
import { Staff } from './staff.entity';
import { StaffService } from './staff.service';
import { SubgroupController } from './subgroup.controller';
import { SubgroupService } from './subgroup.service';
import { SubjectController } from './subject.controller';
import { Subject } from './subject.entity';
import { SubjectService } from './subject.service';

/** Contingent (issue 4): subjects, staff, classes, students, guardians and movement. */
@Module({
  imports: [TypeOrmModule.forFeature([
      Subject,
      Staff,
      SchoolClass,
      Student,
      Guardian,
      StudentGuardian,
      Enrollment,
      Movement,
      Subgroup,
      SubgroupMember,
      TeachingAssignment,
    ]),],
  controllers: [
    SubjectController,
    StaffController,
    ClassController,
    SubgroupController,
    TeachingAssignmentController,
    StudentController,
    GuardianController,
    MovementController,
  ],
  providers: [SubjectService, StaffService, ClassService, SubgroupService, TeachingAssignmentService, StudentService, GuardianService, MovementService],
})
export class ContingentModule {}
