import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvitationCode } from './invitation-code.entity';

/** Invitation codes (пригласительные коды) for students and guardians, and their activation. */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationCode])],
})
export class InvitationsModule {}
