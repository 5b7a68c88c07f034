"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lockSchool = lockSchool;
/**
 * Locks the school row for the rest of the transaction: writes whose checks span the whole school
 * (no overlapping years, unique names and codes, one default bell schedule) run one at a time per school.
 */
async function lockSchool(m, schoolId) {
    await m.query('SELECT id FROM school WHERE id = $1 FOR UPDATE', [schoolId]);
}
//# sourceMappingURL=school-lock.js.map