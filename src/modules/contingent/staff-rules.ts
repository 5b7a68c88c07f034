/** Pure rules of staff records. */

/** Trims a name part and collapses inner whitespace; an empty optional part (patronymic) becomes null. */
export function normalizeNamePart(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export function normalizeOptionalNamePart(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const v = normalizeNamePart(value);
  return v === '' ? null : v;
}

/** Positions trimmed, blanks and repeats dropped, in the order given. */
export function normalizePositions(positions: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of positions) {
    const v = normalizeNamePart(p);
    const key = v.toLocaleLowerCase('ru');
    if (v !== '' && !seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
