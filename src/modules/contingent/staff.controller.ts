import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { CreateStaffDto, StaffListQuery, UpdateStaffDto } from './dto/staff.dto';
import { Staff } from './staff.entity';
import { StaffService } from './staff.service';

@ApiTags('contingent')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listStaff', summary: 'Staff of the school in Russian alphabetical order (ФИО), with search' })
  @ApiPageResponse(Staff)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: StaffListQuery): Promise<Page<Staff>> {
    return this.staff.list(actor, query);
  }

  @Post()
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({ operationId: 'createStaff', summary: 'Add a staff record, optionally linked to an account of the school' })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffDto): Promise<Staff> {
    return this.staff.create(actor, dto);
  }

  @Get(':staffId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getStaff', summary: 'One staff card (recorded as a personal-data read)' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('staffId', ParseUUIDPipe) id: string): Promise<Staff> {
    return this.staff.get(actor, id);
  }

  @Patch(':staffId')
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({ operationId: 'updateStaff', summary: 'Edit a staff record, link or unlink its account, archive it' })
  @ApiProblems(400, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('staffId', ParseUUIDPipe) id: string, @Body() dto: UpdateStaffDto): Promise<Staff> {
    return this.staff.update(actor, id, dto);
  }
}
