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
    description:
      'Wrong login, wrong password and a disabled account all answer 401 `invalid-credentials`. More than 10 attempts ' +
      'for one login within a minute, or 100 from one address within 10 minutes, answer 429 `too-many-attempts` with ' +
      '`Retry-After` (seconds) — before the password is looked at, so a correct password waits too.',
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
    description:
      '401 `refresh-token-reused`: the token was already exchanged, and its whole session has now ended. ' +
      '401 `invalid-refresh-token`: unknown, expired, or its session has ended.',
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
    description:
      '422 with the field named: `current-password-wrong` (counts as a failed sign-in attempt), `password-unchanged`, ' +
      '`password-too-short` (< 8 characters), `password-too-long` (> 128), `password-too-common`, `password-equals-login`.',
  })
  @ApiProblems(400, 404, 422, 429)
  changePassword(@CurrentActor() actor: AnyActor, @Body() dto: ChangePasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.passwords.change(actor, dto, client);
  }
}
