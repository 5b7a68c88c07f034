import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { CreateUserDto, ReplaceUserRolesDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { CreatedAccountResponse, UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

/**
 * Staff accounts of the actor's school. The admin manages them; the director may read them
 * (who works here, who has which role) but changes nothing.
 */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access(Role.Admin, Role.Director)
  @ApiOperation({ operationId: 'listUsers', summary: 'The school\'s user accounts by ФИО (Russian alphabetical order), with filters' })
  @ApiPageResponse(UserResponse)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: UserListQuery): Promise<Page<UserResponse>> {
    return this.users.list(actor, query);
  }

  @Post()
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createUser', summary: 'Create a staff account with a one-time password, shown once (school admin only)' })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<CreatedAccountResponse> {
    return this.users.create(actor, dto);
  }

  @Get(':userId')
  @Access(Role.Admin, Role.Director)
  @ApiOperation({ operationId: 'getUser', summary: 'One user account of the school' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserResponse> {
    return this.users.get(actor, userId);
  }

  @Patch(':userId')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'updateUser', summary: 'Change a user\'s ФИО or login, disable or re-enable the account (school admin only)' })
  @ApiProblems(400, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(actor, userId, dto);
  }

  @Put(':userId/roles')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'replaceUserRoles', summary: 'Replace a user\'s staff roles; parent and student roles stay (school admin only)' })
  @ApiProblems(400, 404, 409, 422)
  replaceRoles(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: ReplaceUserRolesDto,
  ): Promise<UserResponse> {
    return this.users.replaceRoles(actor, userId, dto);
  }
}
