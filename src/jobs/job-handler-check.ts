/** A provider found with a @JobHandler mark. */
export interface FoundHandler {
  type: string;
  /** the class name, for the message */
  name: string;
}

/**
 * Every job type must have exactly one handler, and every handler a known type. Throws an Error whose message
 * names each problem (the process then stops with that message); returns the handlers by type otherwise.
 */
export function checkJobHandlers(types: readonly string[], found: readonly FoundHandler[]): Map<string, string> {
  const byType = new Map<string, string[]>();
  for (const h of found) byType.set(h.type, [...(byType.get(h.type) ?? []), h.name]);
  const problems: string[] = [];
  const missing = types.filter((t) => !byType.has(t));
  if (missing.length > 0) problems.push(`no handler for the job type(s) ${missing.join(', ')}`);
  for (const [type, names] of byType) {
    if (names.length > 1) problems.push(`several handlers for the job type ${type}: ${names.join(', ')}`);
  }
  const unknown = [...byType.keys()].filter((t) => !types.includes(t));
  if (unknown.length > 0) problems.push(`handler(s) for unknown job type(s) ${unknown.join(', ')}`);
  if (problems.length > 0) {
    throw new Error(`Job handlers are misconfigured: ${problems.join('; ')}. Each JobType needs exactly one @JobHandler provider in a module loaded by the api and the worker.`);
  }
  return new Map([...byType].map(([t, names]) => [t, names[0]]));
}
