import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { AnyActor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page, PageQuery } from '../../common/pagination/pagination';
import { School } from '../school/entities/school.entity';
import { CreateSchoolDto } from '../school/dto/school.dto';
import { CreateSchoolAdminDto } from './dto/school-provisioning.dto';
import { CreatedAccountResponse } from './dto/user.response';
import { SchoolProvisioningService } from './school-provisioning.service';

/** The regional operator: schools of the deployment and their first admins. */
@ApiTags('region')
@Controller('schools')
export class SchoolsController {
  constructor(private readonly provisioning: SchoolProvisioningService) {}

  @Get()
  @Access(Role.Operator)
  @ApiOperation({ operationId: 'listSchools', summary: 'Schools of the deployment by name (regional operator only)' })
  @ApiPageResponse(School)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: AnyActor, @Query() query: PageQuery): Promise<Page<School>> {
    return this.provisioning.listSchools(actor, query);
  }

  @Post()
  @Access(Role.Operator)
  @ApiOperation({ operationId: 'createSchool', summary: 'Create a school with default settings and mark types (regional operator only)' })
  @ApiProblems(400, 422)
  create(@CurrentActor() actor: AnyActor, @Body() dto: CreateSchoolDto): Promise<School> {
    return this.provisioning.createSchool(actor, dto);
  }

  @Post(':schoolId/admins')
  @Access(Role.Operator)
  @ApiOperation({ operationId: 'createSchoolAdmin', summary: 'Create an admin account of a school with a one-time password (regional operator only)' })
  @ApiProblems(400, 404, 409, 422)
  createAdmin(
    @CurrentActor() actor: AnyActor,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() dto: CreateSchoolAdminDto,
  ): Promise<CreatedAccountResponse> {
    return this.provisioning.createSchoolAdmin(actor, schoolId, dto);
  }
}
