/**
 * The routes whose body is a raw file (XLSX, CSV, octet-stream), read by the imports module's content-type parser.
 * A module with such a route names it here (the full Fastify route pattern, e.g.
 * '/api/v1/teaching-assignments/:assignmentId/plan/import'); every other route refuses these media types with 415.
 */
const routes = new Set<string>();

export function acceptRawBody(...urls: string[]): void {
  for (const url of urls) routes.add(url.replace(/\/$/, ''));
}

export function acceptsRawBody(url: string): boolean {
  return routes.has(url.replace(/\/$/, ''));
}
