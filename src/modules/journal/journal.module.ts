import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JournalPageController } from './journal-page.controller';
import { JournalPageService } from './journal-page.service';
import { IdempotencyKey, JournalOutage, Mark, MarkHistory } from './entities/mark.entity';

/**
 * The journal (issue 6, R-JRN): a lesson's record, marks and their history, deadlines and outage windows, the class
 * journal page, home-schooling and hospital marks, the early warning.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Mark, MarkHistory, JournalOutage, IdempotencyKey])],
  controllers: [JournalPageController],
  providers: [JournalPageService],
})
export class JournalModule {}
