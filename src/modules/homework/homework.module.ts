import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Homework } from './entities/homework.entity';

/** Homework (issue 6, R-HW): set at a lesson, due on a date or a later lesson. */
@Module({
  imports: [TypeOrmModule.forFeature([Homework])],
})
export class HomeworkModule {}
