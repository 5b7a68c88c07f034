import { GuardianRelation } from '../../modules/contingent/entities/guardian.entity';
import { RELATION_WORDS } from '../../modules/imports/class-list-format';
import { generateSchool } from './generator';

/** Class-list rows in the template's columns (header → value). */
export type ImportRow = Record<string, string | number | Date | null>;

export interface SchoolRows {
  rows: ImportRow[];
  /**
   * the guardian records an import of the rows creates under its matching rule (ФИО + phone, else ФИО + e-mail;
   * a guardian with neither is recognised only among the student's own guardians, so each row makes a new one)
   */
  guardians: number;
  /** the classes the rows name, «1А» … */
  classes: string[];
}

/**
 * The class lists of a school made by the data generator — its ~1,100 students with their guardians (siblings share
 * them) — as the secretary's file would hold them, in the import template's columns: what the import tests and the
 * import benchmark send to POST /imports/class-lists. File numbers get `prefix` so they never meet a seeded school's
 * own students; at most two guardians per student, as in the template.
 */
export function buildSchoolRows(opts: { seed: number; startYear: number; prefix: string }): SchoolRows {
  const g = generateSchool({ seed: opts.seed, startYear: opts.startYear, schoolNumber: opts.seed });
  const byStudent = new Map<number, Array<{ guardianIndex: number; relation: string }>>();
  for (const link of g.studentGuardians) {
    const list = byStudent.get(link.studentIndex) ?? [];
    list.push(link);
    byStudent.set(link.studentIndex, list);
  }
  const keys = new Set<string>();
  let withoutContacts = 0;
  const rows = g.students.map((s, i): ImportRow => {
    const row: ImportRow = {
      '№ личного дела': `${opts.prefix}-${String(i + 1).padStart(4, '0')}`,
      Фамилия: s.surname,
      Имя: s.name,
      Отчество: s.patronymic,
      'Дата рождения': new Date(`${s.birthDate}T00:00:00Z`),
      Пол: s.gender === 'female' ? 'ж' : 'м',
      Класс: g.classes[s.classIndex].name,
      Телефон: s.phone,
      'E-mail': s.email,
    };
    const guardians = (byStudent.get(i) ?? []).slice(0, 2);
    for (const k of [1, 2]) {
      const link = guardians[k - 1];
      const p = link ? g.guardians[link.guardianIndex] : undefined;
      if (p) {
        const fio = [p.surname, p.name, p.patronymic].join(' ');
        if (p.phone || p.email) keys.add(p.phone ? `${fio}|phone|${p.phone}` : `${fio}|email|${p.email}`);
        else withoutContacts += 1;
      }
      row[`Представитель ${k}: ФИО`] = p ? [p.surname, p.name, p.patronymic].join(' ') : null;
      row[`Представитель ${k}: кем приходится`] = link ? RELATION_WORDS[link.relation as GuardianRelation] : null;
      row[`Представитель ${k}: телефон`] = p?.phone ?? null;
      row[`Представитель ${k}: e-mail`] = p?.email ?? null;
    }
    return row;
  });
  return { rows, guardians: keys.size + withoutContacts, classes: [...new Set(g.classes.map((c) => c.name))] };
}
