import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JournalPageController } from './journal-page.controller';
import { JournalPageService } from './journal-page.service';
import { MessagingModule } from '../messaging/messaging.module';
import { EarlyWarningController } from './early-warning.controller';
import { EarlyWarningService } from './early-warning.service';
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
  imports: [TypeOrmModule.forFeature([Mark, MarkHistory, JournalOutage, IdempotencyKey]), MessagingModule],
  controllers: [LessonJournalController, JournalPageController, EarlyWarningController],
  providers: [LessonJournalService, MarkService, OutageService, JournalPageService, EarlyWarningService],
})
export class JournalModule {}
