import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { AccessDeclarationCheck } from './access-declaration.check';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { User, UserRole } from './entities/user.entity';
import { TokenService } from './token.service';

@Module({
  imports: [
    DiscoveryModule,
    TypeOrmModule.forFeature([User, UserRole]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, AccessDeclarationCheck, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService],
})
export class AuthModule {}
