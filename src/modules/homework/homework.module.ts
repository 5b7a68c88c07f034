import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Homework } from './entities/homework.entity';
import { HomeworkReadController } from './homework-read.controller';
import { HomeworkReadService } from './homework-read.service';

/** Homework (issue 6, R-HW): set at a lesson, due on a date or a later lesson; the staff's reading of a class's homework. */
@Module({
  imports: [TypeOrmModule.forFeature([Homework])],
  controllers: [HomeworkReadController],
  providers: [HomeworkReadService],
})
export class HomeworkModule {}
