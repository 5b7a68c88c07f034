"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STAFF_ROLES = exports.SCHOOL_ROLES = exports.ALL_ROLES = exports.Role = void 0;
/** Roles of a school's users (see requirements.md, «Roles and relationships»). */
var Role;
(function (Role) {
    /** администратор ЭЖ */
    Role["Admin"] = "admin";
    /** директор */
    Role["Director"] = "director";
    /** заместитель директора по УВР */
    Role["Deputy"] = "deputy";
    /** секретарь, делопроизводитель */
    Role["Secretary"] = "secretary";
    /** учитель-предметник */
    Role["Teacher"] = "teacher";
    /** родитель, законный представитель */
    Role["Parent"] = "parent";
    /** обучающийся */
    Role["Student"] = "student";
    /** региональный оператор: создаёт школы и их первых администраторов; не принадлежит школе */
    Role["Operator"] = "operator";
})(Role || (exports.Role = Role = {}));
/** Every role. */
exports.ALL_ROLES = Object.values(Role);
/** The roles of a school's users (everyone but the regional operator). */
exports.SCHOOL_ROLES = exports.ALL_ROLES.filter((r) => r !== Role.Operator);
/** Everyone who works at the school. */
exports.STAFF_ROLES = [Role.Admin, Role.Director, Role.Deputy, Role.Secretary, Role.Teacher];
//# sourceMappingURL=role.js.map