import { Controller, Delete, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { OneTimePasswordResponse } from './dto/password.dto';
import { PasswordService } from './passwords/password.service';
import { SessionService } from './sessions/session.service';

/** What a school admin does to another user's sign-in: end their sessions, reset their password. */
@ApiTags('auth')
@Controller('users/:userId')
@Access(Role.Admin)
export class UserSessionsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
  ) {}

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({ operationId: 'endUserSessions', summary: 'End every session of a user of your school (sign them out everywhere)' })
  @ApiProblems(400, 404)
  endAll(@CurrentActor() actor: Actor, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    return this.sessions.endAllOfUser(actor, userId);
  }

  @Post('password-reset')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'resetUserPassword',
    summary: 'Give a user of your school a one-time password (shown once, to be changed at sign-in); ends their sessions',
  })
  @ApiProblems(400, 404)
  reset(@CurrentActor() actor: Actor, @Param('userId', ParseUUIDPipe) userId: string): Promise<OneTimePasswordResponse> {
    return this.passwords.reset(actor, userId);
  }
}
