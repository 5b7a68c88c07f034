"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UserRole = exports.User = exports.UserStatus = void 0;
const swagger_1 = require("@nestjs/swagger");
const typeorm_1 = require("typeorm");
const base_entity_1 = require("../../../database/base.entity");
const school_entity_1 = require("../../school/entities/school.entity");
const role_1 = require("../../../common/access/role");
var UserStatus;
(function (UserStatus) {
    UserStatus["Active"] = "active";
    UserStatus["Disabled"] = "disabled";
})(UserStatus || (exports.UserStatus = UserStatus = {}));
/** Учётная запись: a person's login. Logins are unique in the deployment (case-insensitive). */
let User = class User extends base_entity_1.BaseEntity {
};
exports.User = User;
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], User.prototype, "schoolId", void 0);
__decorate([
    (0, swagger_1.ApiHideProperty)(),
    (0, typeorm_1.ManyToOne)(() => school_entity_1.School, { onDelete: 'RESTRICT', nullable: true }),
    (0, typeorm_1.JoinColumn)({ name: 'school_id' }),
    __metadata("design:type", Object)
], User.prototype, "school", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], User.prototype, "login", void 0);
__decorate([
    (0, swagger_1.ApiHideProperty)(),
    (0, typeorm_1.Column)({ type: 'varchar', length: 255, select: false }),
    __metadata("design:type", String)
], User.prototype, "passwordHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, collation: 'ru-RU-x-icu' }),
    __metadata("design:type", String)
], User.prototype, "fullName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, default: UserStatus.Active }),
    __metadata("design:type", String)
], User.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], User.prototype, "mustChangePassword", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], User.prototype, "passwordChangedAt", void 0);
__decorate([
    (0, swagger_1.ApiHideProperty)(),
    (0, typeorm_1.OneToMany)(() => UserRole, (r) => r.user),
    __metadata("design:type", Array)
], User.prototype, "roleRows", void 0);
exports.User = User = __decorate([
    (0, typeorm_1.Entity)('app_user'),
    (0, typeorm_1.Index)('uq_app_user_login', { synchronize: false }),
    (0, typeorm_1.Index)('ix_app_user_school', ['schoolId']),
    (0, typeorm_1.Check)('ck_app_user_status', `"status" IN ('active', 'disabled')`)
], User);
/** A role of a user in their school; several per person are normal (a teacher who is also deputy). */
let UserRole = class UserRole {
};
exports.UserRole = UserRole;
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', primary: true }),
    __metadata("design:type", String)
], UserRole.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, primary: true }),
    __metadata("design:type", String)
], UserRole.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => User, (u) => u.roleRows, { onDelete: 'CASCADE', nullable: false }),
    (0, typeorm_1.JoinColumn)({ name: 'user_id' }),
    __metadata("design:type", User)
], UserRole.prototype, "user", void 0);
exports.UserRole = UserRole = __decorate([
    (0, typeorm_1.Entity)('user_role'),
    (0, typeorm_1.Check)('ck_user_role_role', `"role" IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'parent', 'student', 'operator')`)
], UserRole);
//# sourceMappingURL=user.entity.js.map