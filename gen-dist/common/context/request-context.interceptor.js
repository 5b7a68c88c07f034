"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestContextInterceptor = void 0;
exports.requestContext = requestContext;
const common_1 = require("@nestjs/common");
const rxjs_1 = require("rxjs");
const request_context_1 = require("./request-context");
/** The action context of an HTTP request: the actor set by the access guard, the client address, the request id. */
function requestContext(request) {
    const actor = request.actor;
    return {
        userId: actor?.userId ?? null,
        schoolId: actor?.schoolId ?? null,
        roles: actor?.roles ?? [],
        sessionId: actor?.sessionId ?? null,
        ip: request.ip ?? null,
        requestId: String(request.id),
    };
}
/** Runs every handler inside its request's action context (read by the audit trail). */
let RequestContextInterceptor = class RequestContextInterceptor {
    intercept(context, next) {
        const store = requestContext(context.switchToHttp().getRequest());
        return new rxjs_1.Observable((subscriber) => (0, request_context_1.runWithContext)(store, () => next.handle().subscribe(subscriber)));
    }
};
exports.RequestContextInterceptor = RequestContextInterceptor;
exports.RequestContextInterceptor = RequestContextInterceptor = __decorate([
    (0, common_1.Injectable)()
], RequestContextInterceptor);
//# sourceMappingURL=request-context.interceptor.js.map