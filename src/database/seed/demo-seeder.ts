import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Role, SCHOOL_ROLES } from '../../common/access/role';
import { AppConfig } from '../../config/app-config';
import { currentAcademicStartYear, generateSchool, GeneratedSchool } from './generator';
import { insertOperator } from './seed-operator';
import { seedJournal } from './seed-journal';
import { accountLink, seedSchool, SeedUser } from './seed-school';

export interface DemoLogin {
  login: string;
  password: string;
  role: Role;
}

const SEED_LOCK = 727_274;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random password that is easy to type from a terminal: 4 groups of 4 (≈ 80 bits). */
export function readablePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

function fullName(p: { surname: string; name: string; patronymic: string }): string {
  return `${p.surname} ${p.name} ${p.patronymic}`;
}

/** One demo user per role, linked to the records of GeneratedSchool.accounts, and a regional operator. */
export function demoUsers(g: GeneratedSchool): SeedUser[] {
  const school = SCHOOL_ROLES.map((role) => {
    const { link, person } = accountLink(g, role);
    return { login: role, password: readablePassword(), fullName: fullName(person), roles: [role], link };
  });
  // the regional operator belongs to no school: seedIfEmpty writes it apart
  return [...school, { login: Role.Operator, password: readablePassword(), fullName: 'Региональный оператор', roles: [Role.Operator] }];
}

/**
 * Seeds the demo school into an empty database (once, even with several instances starting together)
 * and remembers the demo logins in the embedded data folder so that every start can print them.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  private get loginsFile(): string | null {
    return this.config.embeddedDatabase ? resolve(this.config.EMBEDDED_PG_DIR, 'demo-logins.json') : null;
  }

  async seedIfEmpty(): Promise<DemoLogin[]> {
    const created = await this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const [{ any }] = await m.query('SELECT EXISTS (SELECT 1 FROM school) AS any');
      if (any) return null;
      const g = generateSchool({ seed: 1, startYear: currentAcademicStartYear(new Date()), schoolNumber: 1 });
      const users = demoUsers(g);
      const isOperator = (u: SeedUser) => u.roles.includes(Role.Operator);
      const seeded = await seedSchool(m, g, users.filter((u) => !isOperator(u)));
      // a conducted first quarter: topics, marks, absences and homework (issue 6)
      await seedJournal(m, seeded.schoolId, 1);
      // still inside the seed audit context that seedSchool set
      for (const u of users.filter(isOperator)) {
        await insertOperator(m, { login: u.login, fullName: u.fullName, password: u.password, mustChangePassword: false });
      }
      return users.map((u) => ({ login: u.login, password: u.password, role: u.roles[0] }));
    });
    if (!created) return this.storedLogins();
    if (this.loginsFile) writeFileSync(this.loginsFile, JSON.stringify(created, null, 2), { mode: 0o600 });
    return created;
  }

  storedLogins(): DemoLogin[] {
    const file = this.loginsFile;
    if (!file || !existsSync(file)) return [];
    return JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[];
  }
}
