import { PickType } from '@nestjs/swagger';
import { CreateUserDto } from './user.dto';

/** The school's first (or another) admin, created by the regional operator: a login and an ФИО (the role is admin). */
export class CreateSchoolAdminDto extends PickType(CreateUserDto, ['login', 'fullName'] as const) {}
