import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, Public } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { ALL_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { AuthService } from './auth.service';
import { LoginDto, TokenResponseDto } from './dto/login.dto';
import { MeResponse } from './dto/me.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ operationId: 'login', summary: 'Sign in with login and password; returns a short-lived access token' })
  @ApiProblems(400, 401, 422)
  login(@Body() dto: LoginDto): Promise<TokenResponseDto> {
    return this.auth.login(dto);
  }

  @Get('me')
  @Access(...ALL_ROLES)
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user with their school and roles' })
  @ApiProblems(404)
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor);
  }
}
