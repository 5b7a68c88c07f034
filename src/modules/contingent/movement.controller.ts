import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, SCHOOL_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { CreateMovementDto, MovementListQuery, MovementResponse, StudentMovementHistory } from './dto/movement.dto';
import { MovementService } from './movement.service';

@ApiTags('contingent')
@Controller()
export class MovementController {
  constructor(private readonly movement: MovementService) {}

  @Post('students/:studentId/movements')
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({
    operationId: 'createMovement',
    summary: 'Record an arrival, departure or transfer (order number, date, reason); history is never rewritten',
  })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) studentId: string, @Body() dto: CreateMovementDto): Promise<MovementResponse> {
    return this.movement.create(actor, studentId, dto);
  }

  @Get('students/:studentId/movements')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'getStudentMovements', summary: "A student's movements and stays in classes, oldest first" })
  @ApiOkResponse({ type: StudentMovementHistory })
  @ApiProblems(400, 404)
  history(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) studentId: string): Promise<StudentMovementHistory> {
    return this.movement.history(actor, studentId);
  }

  @Get('movements')
  @Access(Role.Admin, Role.Director, Role.Deputy, Role.Secretary)
  @ApiOperation({ operationId: 'listMovements', summary: 'Книга движения: arrivals, departures and transfers of the school, newest first' })
  @ApiPageResponse(MovementResponse)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: MovementListQuery): Promise<Page<MovementResponse>> {
    return this.movement.list(actor, query);
  }
}
