import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { jobLinks } from '../../jobs/jobs.service';
import { InvitationCodeStateResponse, IssueInvitationCodesDto, IssueInvitationCodesResponse } from './dto/invitation-code.dto';
import { InvitationCodesService } from './invitation-codes.service';

@ApiTags('contingent')
@Controller()
export class InvitationCodesController {
  constructor(private readonly codes: InvitationCodesService) {}

  @Post('classes/:classId/invitation-codes')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @Access(Role.Admin, Role.Teacher)
  @ApiOperation({
    operationId: 'issueInvitationCodes',
    summary: 'Issue invitation codes for a class: one per student without an account, one per guardian–student pair',
    description:
      'The class teacher of the class or the admin (another teacher: 403 `not-class-teacher`, or 404 when the class is ' +
      'out of their reach). The codes are in this answer ONCE and on the printable XLSX «Пригласительные коды» made by ' +
      'the job `sheetJobId` (`Location`); the server keeps only their SHA-256. A student or pair with a live code is ' +
      'skipped unless `reissue`, which revokes that code. Codes expire after INVITATION_TTL_DAYS days (30). ' +
      '422 `student-not-in-class` for a named student not enrolled in the class today.',
  })
  @ApiCreatedResponse({
    type: IssueInvitationCodesResponse,
    headers: { Location: { description: 'The sheet job\'s status URL, /api/v1/jobs/{id} (absent when no code was issued)', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 404, 409, 422)
  async issue(
    @CurrentActor() actor: Actor,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Body() dto: IssueInvitationCodesDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IssueInvitationCodesResponse> {
    const issued = await this.codes.issue(actor, classId, dto);
    if (issued.sheetJobId) reply.header('location', jobLinks(issued.sheetJobId).self);
    return issued;
  }

  @Get('classes/:classId/invitation-codes')
  @Access(Role.Admin, Role.Teacher)
  @ApiOperation({
    operationId: 'listInvitationCodes',
    summary: 'State of every invitation code of the class\'s students (issued, used, expired, revoked), never the code itself',
    description: 'The class teacher of the class or the admin; the students enrolled in the class today.',
  })
  @ApiOkResponse({ type: [InvitationCodeStateResponse] })
  @ApiProblems(400, 404)
  list(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) classId: string): Promise<InvitationCodeStateResponse[]> {
    return this.codes.list(actor, classId);
  }

  @Post('invitation-codes/:codeId/revoke')
  @HttpCode(200)
  @Access(Role.Admin, Role.Teacher)
  @ApiOperation({
    operationId: 'revokeInvitationCode',
    summary: 'Revoke an invitation code that has not been used',
    description: 'The class teacher of the student\'s class today or the admin. 409 `code-not-live` when it was used or revoked already.',
  })
  @ApiOkResponse({ type: InvitationCodeStateResponse })
  @ApiProblems(400, 404, 409)
  revoke(@CurrentActor() actor: Actor, @Param('codeId', ParseUUIDPipe) codeId: string): Promise<InvitationCodeStateResponse> {
    return this.codes.revoke(actor, codeId);
  }
}
