import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { AccessDeclarationCheck } from './access-declaration.check';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './entities/login-throttle.entity';
import { User, UserRole } from './entities/user.entity';
import { RefreshToken, UserSession } from './entities/user-session.entity';
import { PasswordService } from './passwords/password.service';
import { SessionStatusService } from './sessions/session-status.service';
import { SessionService } from './sessions/session.service';
import { SessionsController } from './sessions.controller';
import { LoginThrottleService } from './throttle/login-throttle.service';
import { TokenService } from './token.service';
import { UserSessionsController } from './user-sessions.controller';

@Module({
  imports: [
    DiscoveryModule,
    TypeOrmModule.forFeature([User, UserRole, UserSession, RefreshToken, LoginThrottle]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // a KeyObject, made once: given the string, jsonwebtoken tries to parse it as a public key on every verification
      // (createPublicKey throwing, then createSecretKey) — a third of the guard's time
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET === undefined ? undefined : createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
      }),
    }),
  ],
  controllers: [AuthController, SessionsController, UserSessionsController],
  providers: [
    AuthService,
    TokenService,
    SessionService,
    SessionStatusService,
    PasswordService,
    LoginThrottleService,
    AccessDeclarationCheck,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenService, SessionService, SessionStatusService, LoginThrottleService],
})
export class AuthModule {}
