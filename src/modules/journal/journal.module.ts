import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKey, JournalOutage, Mark, MarkHistory } from './entities/mark.entity';
import { LessonJournalController } from './lesson-journal.controller';
import { LessonJournalService } from './lesson-journal.service';
import { MarkService } from './mark.service';
import { OutageService } from './outage.service';

/**
 * The journal (issue 6, R-JRN): a lesson's record, marks and their history, deadlines and outage windows, the class
 * journal page, home-schooling and hospital marks, the early warning.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Mark, MarkHistory, JournalOutage, IdempotencyKey])],
  controllers: [LessonJournalController],
  providers: [LessonJournalService, MarkService, OutageService],
})
export class JournalModule {}
