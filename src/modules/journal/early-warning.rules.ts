import { EarlyWarningItem } from './dto/early-warning.dto';

/** Below this weighted average a student is flagged in a subject (R-JRN-8). */
export const LOW_AVERAGE = 3;

/** Whether missed / lessons exceeds the school's share (no due lessons: never). */
export function exceedsShare(missed: number, lessons: number, share: number): boolean {
  return lessons > 0 && missed / lessons > share;
}

/** A number the Russian way: 2.67 → «2,67». */
export function ru(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** The notification about a flagged student, in Russian, naming the student, the subjects and the figures. */
export function warningText(item: EarlyWarningItem, periodName: string, absenceShare: number): { title: string; body: string } {
  const parts: string[] = [];
  if (item.lowAverages.length > 0) {
    parts.push(`средний балл ниже 3 — ${item.lowAverages.map((a) => `${a.subject}: ${ru(a.average)}`).join('; ')}`);
  }
  if (item.absence !== null) {
    parts.push(
      `пропущено ${item.absence.missed} из ${item.absence.lessons} уроков (${Math.round(item.absence.share * 100)} %) ` +
        `при допустимой доле ${Math.round(absenceShare * 100)} %`,
    );
  }
  return {
    title: `Раннее предупреждение: ${item.fullName}, ${item.className}`.slice(0, 200),
    body: `${item.fullName} (${item.className}), ${periodName}: ${parts.join('; ')}.`,
  };
}
