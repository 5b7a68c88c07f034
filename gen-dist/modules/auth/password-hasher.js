"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ARGON2_OPTIONS = void 0;
exports.hashPassword = hashPassword;
exports.verifyPassword = verifyPassword;
exports.timingDummyHash = timingDummyHash;
const argon2 = __importStar(require("argon2"));
/**
 * argon2id with the OWASP minimum (m = 19 MiB, t = 2, p = 1). Parameters live in the hash,
 * so raising them later re-hashes on the next login without breaking old hashes.
 */
exports.ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
function hashPassword(password) {
    return argon2.hash(password, exports.ARGON2_OPTIONS);
}
async function verifyPassword(hash, password) {
    try {
        return await argon2.verify(hash, password);
    }
    catch {
        return false;
    }
}
/** A valid hash of a random secret, to spend the same time on unknown logins as on known ones. */
let dummyHash;
function timingDummyHash() {
    dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
    return dummyHash;
}
//# sourceMappingURL=password-hasher.js.map