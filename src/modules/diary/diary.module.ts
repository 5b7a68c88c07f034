import { Module } from '@nestjs/common';
import { DiaryController } from './diary.controller';
import { DiaryService } from './diary.service';

/** The diary (дневник, issue 6): what a student and their guardians read — the week, marks, homework, coming topics. */
@Module({
  controllers: [DiaryController],
  providers: [DiaryService],
})
export class DiaryModule {}
