import { Body, Controller, Header, Headers, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/access/access.decorator';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { Client, ClientInfo } from '../auth/client-info';
import { ActivationService } from './activation.service';
import { ActivateInvitationDto, ActivationResponse } from './dto/invitation-code.dto';

@ApiTags('auth')
@Controller('auth/activate')
export class ActivationController {
  constructor(private readonly activation: ActivationService) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @Public()
  @ApiOperation({
    operationId: 'activateInvitationCode',
    summary: 'Activate an invitation code: create the student\'s or parent\'s account, or link a child to the signed-in parent',
    description:
      'A student code creates the student\'s account with `login` and `password` (201). A guardian code creates a parent ' +
      'account the same way (201) — or, sent with the `Authorization: Bearer …` of a user of the same school, links the ' +
      'guardian record to that account (200): a parent with several children activates the first code to create the ' +
      'account and the others signed in. An unknown, expired, revoked or used code all answer the same 422 ' +
      '`invalid-invitation-code`. 422 `login-required`, `password-required`, the password rules (`password-too-short` …); ' +
      '409 `login-taken`, `student-has-account`, `guardian-has-account` (sign in first), `different-guardian`, ' +
      '`account-of-another-school`. Attempts are counted per client address before the code is looked at, as sign-ins ' +
      'are: past the limit 429 `too-many-attempts` with `Retry-After`.',
  })
  @ApiCreatedResponse({ type: ActivationResponse, description: 'An account was created' })
  @ApiOkResponse({ type: ActivationResponse, description: 'The code was linked to the signed-in account' })
  @ApiProblems(400, 401, 403, 409, 422, 429)
  async activate(
    @Body() dto: ActivateInvitationDto,
    @Client() client: ClientInfo,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivationResponse> {
    const result = await this.activation.activate(dto, client, authorization);
    reply.status(result.status);
    return result.body;
  }
}
