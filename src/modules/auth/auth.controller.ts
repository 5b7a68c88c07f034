import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, PasswordChangeExempt, Public } from '../../common/access/access.decorator';
import { AnyActor } from '../../common/access/actor';
import { ALL_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { AuthService } from './auth.service';
import { Client, ClientInfo } from './client-info';
import { LoginDto, RefreshDto, TokenResponseDto } from './dto/login.dto';
import { MeResponse } from './dto/me.response';
import { ChangePasswordDto } from './dto/password.dto';
import { PasswordService } from './passwords/password.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @ApiOperation({
    operationId: 'login',
    summary: 'Sign in with login and password: opens a session and returns an access token (≤ 15 min) and a refresh token',
  })
  @ApiProblems(400, 401, 422, 429)
  login(@Body() dto: LoginDto, @Client() client: ClientInfo): Promise<TokenResponseDto> {
    return this.auth.login(dto, client);
  }

  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @ApiOperation({
    operationId: 'refreshTokens',
    summary: 'Exchange a refresh token for a new access and refresh token; a token used twice ends its session',
  })
  @ApiProblems(400, 401, 422)
  refresh(@Body() dto: RefreshDto): Promise<TokenResponseDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Access(...ALL_ROLES)
  @PasswordChangeExempt()
  @ApiOperation({ operationId: 'logout', summary: 'Sign out on this device: ends the session of the access token' })
  @ApiProblems(400)
  logout(@CurrentActor() actor: AnyActor): Promise<void> {
    return this.auth.logout(actor);
  }

  @Get('me')
  @Access(...ALL_ROLES)
  @PasswordChangeExempt()
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user with their school and roles' })
  @ApiProblems(404)
  me(@CurrentActor() actor: AnyActor): Promise<MeResponse> {
    return this.auth.me(actor);
  }

  @Post('password')
  @HttpCode(204)
  @Access(...ALL_ROLES)
  @PasswordChangeExempt()
  @ApiOperation({
    operationId: 'changeMyPassword',
    summary: 'Change your password (the current one is required); optionally end your other sessions',
  })
  @ApiProblems(400, 404, 422, 429)
  changePassword(@CurrentActor() actor: AnyActor, @Body() dto: ChangePasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.passwords.change(actor, dto, client);
  }
}
