import { QueryFailedError } from 'typeorm';

/** A unique violation (SQLSTATE 23505) of one of the named unique indexes or constraints. */
export function isUniqueViolation(e: unknown, ...constraints: string[]): boolean {
  const driverError = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && constraints.includes(driverError.constraint ?? '');
}
