import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { CreateMarkTypeDto, MarkTypeListQuery, UpdateMarkTypeDto } from './dto/mark-type.dto';
import { MarkType } from './entities/mark-type.entity';
import { MarkTypeService } from './mark-type.service';

@ApiTags('school')
@Controller('mark-types')
export class MarkTypeController {
  constructor(private readonly types: MarkTypeService) {}

  @Get()
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listMarkTypes', summary: 'Mark types (виды работ) with their weights, by code' })
  @ApiPageResponse(MarkType)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: MarkTypeListQuery): Promise<Page<MarkType>> {
    return this.types.list(actor, query);
  }

  @Post()
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createMarkType', summary: 'Add a mark type with its weight (school admin only)' })
  @ApiProblems(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMarkTypeDto): Promise<MarkType> {
    return this.types.create(actor, dto);
  }

  @Get(':markTypeId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getMarkType', summary: 'One mark type' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('markTypeId', ParseUUIDPipe) id: string): Promise<MarkType> {
    return this.types.get(actor, id);
  }

  @Patch(':markTypeId')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'updateMarkType', summary: 'Change a mark type\'s name, category or weight (school admin only)' })
  @ApiProblems(400, 404, 422)
  update(@CurrentActor() actor: Actor, @Param('markTypeId', ParseUUIDPipe) id: string, @Body() dto: UpdateMarkTypeDto): Promise<MarkType> {
    return this.types.update(actor, id, dto);
  }

  @Delete(':markTypeId')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'archiveMarkType', summary: 'Archive a mark type: its marks stay, it is offered no more' })
  @ApiProblems(400, 404)
  archive(@CurrentActor() actor: Actor, @Param('markTypeId', ParseUUIDPipe) id: string): Promise<MarkType> {
    return this.types.archive(actor, id);
  }
}
