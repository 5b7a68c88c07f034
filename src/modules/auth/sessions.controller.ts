import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, PasswordChangeExempt } from '../../common/access/access.decorator';
import { AnyActor } from '../../common/access/actor';
import { ALL_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { SessionListResponse } from './dto/session.dto';
import { SessionService } from './sessions/session.service';

/** The signed-in user's own sessions (devices). */
@ApiTags('auth')
@Controller('auth/sessions')
@Access(...ALL_ROLES)
@PasswordChangeExempt()
export class SessionsController {
  constructor(private readonly sessions: SessionService) {}

  @Get()
  @ApiOperation({ operationId: 'listMySessions', summary: 'Your active sessions (devices), the current one marked' })
  @ApiProblems(400)
  list(@CurrentActor() actor: AnyActor): Promise<SessionListResponse> {
    return this.sessions.list(actor);
  }

  @Delete(':sessionId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'endMySession', summary: 'End one of your sessions (sign out that device)' })
  @ApiProblems(400, 404)
  end(@CurrentActor() actor: AnyActor, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<void> {
    return this.sessions.endOwn(actor, sessionId);
  }
}
