import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SchoolsController } from './schools.controller';
import { SchoolProvisioningService } from './school-provisioning.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Staff accounts of a school (its admin) and the regional operator's schools and first admins (R-ACC-1). */
@Module({
  imports: [AuthModule],
  controllers: [UsersController, SchoolsController],
  providers: [UsersService, SchoolProvisioningService],
  exports: [UsersService],
})
export class UsersModule {}
