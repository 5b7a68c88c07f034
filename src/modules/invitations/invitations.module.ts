import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ActivationController } from './activation.controller';
import { ActivationService } from './activation.service';
import { InvitationCode } from './invitation-code.entity';
import { InvitationCodesController } from './invitation-codes.controller';
import { InvitationCodesService } from './invitation-codes.service';

/** Invitation codes (пригласительные коды) for students and guardians, and their activation. */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationCode]), AuthModule],
  controllers: [InvitationCodesController, ActivationController],
  providers: [InvitationCodesService, ActivationService],
})
export class InvitationsModule {}
