import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { CreateRoomDto, RoomListQuery, UpdateRoomDto } from './dto/room.dto';
import { Room } from './entities/room.entity';
import { RoomService } from './room.service';

@ApiTags('schedule')
@Controller('rooms')
export class RoomController {
  constructor(private readonly rooms: RoomService) {}

  @Get()
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listRooms', summary: 'The school\'s rooms (кабинеты), by number' })
  @ApiPageResponse(Room)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: RoomListQuery): Promise<Page<Room>> {
    return this.rooms.list(actor, query);
  }

  @Post()
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'createRoom', summary: 'Add a room: number, name, capacity, kind' })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRoomDto): Promise<Room> {
    return this.rooms.create(actor, dto);
  }

  @Get(':roomId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getRoom', summary: 'One room' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('roomId', ParseUUIDPipe) id: string): Promise<Room> {
    return this.rooms.get(actor, id);
  }

  @Patch(':roomId')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'updateRoom', summary: 'Change a room\'s number, name, capacity or kind' })
  @ApiProblems(400, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('roomId', ParseUUIDPipe) id: string, @Body() dto: UpdateRoomDto): Promise<Room> {
    return this.rooms.update(actor, id, dto);
  }

  @Post(':roomId/archive')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'archiveRoom', summary: 'Archive a room: it leaves the lists and takes no new lessons; its history stays' })
  @ApiProblems(400, 404)
  archive(@CurrentActor() actor: Actor, @Param('roomId', ParseUUIDPipe) id: string): Promise<Room> {
    return this.rooms.archive(actor, id);
  }

  @Post(':roomId/restore')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'restoreRoom', summary: 'Bring an archived room back' })
  @ApiProblems(400, 404)
  restore(@CurrentActor() actor: Actor, @Param('roomId', ParseUUIDPipe) id: string): Promise<Room> {
    return this.rooms.restore(actor, id);
  }
}
