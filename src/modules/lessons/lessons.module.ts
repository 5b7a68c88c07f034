import { Module } from '@nestjs/common';
import { LessonController } from './lesson.controller';
import { LessonService } from './lesson.service';

/**
 * Dated lessons as the journal and the deputy see them (issue 5, R-PLN-3): the lessons derived by the schedule module
 * with the approved plans' topics laid on them, and the coverage of the plans. Depends on schedule (the lesson table,
 * change rows) and planning (the topic layout rule); the journal builds on it.
 */
@Module({
  controllers: [LessonController],
  providers: [LessonService],
  exports: [LessonService],
})
export class LessonsModule {}
