"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MeResponse = void 0;
/** The signed-in user. */
class MeResponse {
}
exports.MeResponse = MeResponse;
//# sourceMappingURL=me.response.js.map