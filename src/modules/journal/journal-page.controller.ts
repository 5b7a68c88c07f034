import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { JSON_TEXT } from '../../common/http/json-text';
import { JournalPageQuery, JournalPageResponse } from './dto/journal-page.dto';
import { JournalPageService } from './journal-page.service';

/** The class journal page: the assignment's teacher, the class teacher, the deputy, the director, the admin. */
@ApiTags('journal')
@Controller()
export class JournalPageController {
  constructor(private readonly pages: JournalPageService) {}

  @Get('journal')
  @Access(Role.Admin, Role.Director, Role.Deputy, Role.Teacher)
  @ApiOperation({
    operationId: 'getJournalPage',
    summary:
      "The class journal page of a teaching assignment over a study period or dates: students (Russian order) × dated lessons with every mark and absence, each student's weighted average and the class average",
  })
  @ApiOkResponse({ type: JournalPageResponse })
  @ApiProblems(400, 404, 422)
  @Header('Content-Type', JSON_TEXT)
  page(@CurrentActor() actor: Actor, @Query() query: JournalPageQuery): Promise<string> {
    return this.pages.page(actor, query);
  }
}
