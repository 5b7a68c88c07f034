import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { UpdateSchoolDto, UpdateSchoolSettingsDto } from './dto/school.dto';
import { SchoolSettings } from './entities/school-settings.entity';
import { School } from './entities/school.entity';
import { SchoolService } from './school.service';

@ApiTags('school')
@Controller('schools/:schoolId')
export class SchoolController {
  constructor(private readonly schools: SchoolService) {}

  @Get()
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getSchool', summary: 'The school: name, short name, time zone, address' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('schoolId', ParseUUIDPipe) schoolId: string): Promise<School> {
    return this.schools.get(actor, schoolId);
  }

  @Patch()
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'updateSchool', summary: 'Change the school\'s name, time zone or address' })
  @ApiProblems(400, 404, 422)
  update(@CurrentActor() actor: Actor, @Param('schoolId', ParseUUIDPipe) schoolId: string, @Body() dto: UpdateSchoolDto): Promise<School> {
    return this.schools.update(actor, schoolId, dto);
  }

  @Get('settings')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getSchoolSettings', summary: 'School settings: rounding threshold and minimum marks for attestation' })
  @ApiProblems(400, 404)
  getSettings(@CurrentActor() actor: Actor, @Param('schoolId', ParseUUIDPipe) schoolId: string): Promise<SchoolSettings> {
    return this.schools.getSettings(actor, schoolId);
  }

  @Patch('settings')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'updateSchoolSettings', summary: 'Change the rounding threshold or the minimum number of marks' })
  @ApiProblems(400, 404, 422)
  updateSettings(
    @CurrentActor() actor: Actor,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() dto: UpdateSchoolSettingsDto,
  ): Promise<SchoolSettings> {
    return this.schools.updateSettings(actor, schoolId, dto);
  }
}
