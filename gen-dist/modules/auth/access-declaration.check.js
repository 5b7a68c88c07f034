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
exports.AccessDeclarationCheck = void 0;
exports.undeclaredRoutes = undeclaredRoutes;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const access_decorator_1 = require("../../common/access/access.decorator");
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';
/** Lists routes that declare no access rule (neither on the handler nor on its controller). */
function undeclaredRoutes(discovery, scanner, reflector) {
    const missing = [];
    for (const wrapper of discovery.getControllers()) {
        const instance = wrapper.instance;
        if (!instance)
            continue;
        const proto = Object.getPrototypeOf(instance);
        const classRule = reflector.get(access_decorator_1.ACCESS_METADATA, instance.constructor);
        for (const name of scanner.getAllMethodNames(proto)) {
            const handler = proto[name];
            if (Reflect.getMetadata(PATH_METADATA, handler) === undefined)
                continue;
            if (classRule === undefined && reflector.get(access_decorator_1.ACCESS_METADATA, handler) === undefined) {
                const method = common_1.RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)] ?? '?';
                missing.push(`${instance.constructor.name}.${name} (${method})`);
            }
        }
    }
    return missing;
}
/** Stops start-up when a route forgot to declare who may call it (the guard would refuse it anyway). */
let AccessDeclarationCheck = class AccessDeclarationCheck {
    constructor(discovery, scanner, reflector) {
        this.discovery = discovery;
        this.scanner = scanner;
        this.reflector = reflector;
    }
    onApplicationBootstrap() {
        const missing = undeclaredRoutes(this.discovery, this.scanner, this.reflector);
        if (missing.length > 0) {
            throw new Error(`Routes without @Access() or @Public(): ${missing.join(', ')}`);
        }
    }
};
exports.AccessDeclarationCheck = AccessDeclarationCheck;
exports.AccessDeclarationCheck = AccessDeclarationCheck = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.DiscoveryService,
        core_1.MetadataScanner,
        core_1.Reflector])
], AccessDeclarationCheck);
//# sourceMappingURL=access-declaration.check.js.map