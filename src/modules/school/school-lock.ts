import { EntityManager } from 'typeorm';

/**
 * Locks the school row for the rest of the transaction: writes whose checks span the whole school
 * (no overlapping years, unique names and codes, one default bell schedule) run one at a time per school.
 */
export async function lockSchool(m: EntityManager, schoolId: string): Promise<void> {
  await m.query('SELECT id FROM school WHERE id = $1 FOR UPDATE', [schoolId]);
}
