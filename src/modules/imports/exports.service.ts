import { personFullName } from '../contingent/person-rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { notFound } from '../../common/errors/problem';
import { AuditService } from '../audit/audit.service';
import { Gender } from '../contingent/entities/student.entity';
import { GuardianRelation } from '../contingent/entities/guardian.entity';
import { schoolToday } from '../school/school-today';
import { CLASS_LIST_COLUMNS, GENDER_WORDS, RELATION_WORDS } from './class-list-format';
import { POSITION_SEPARATOR, STAFF_COLUMNS } from './staff-format';
import { importSheet, instructionSheet, newWorkbook, safeFileName, workbookBuffer, xlsxDate } from './xlsx-files';

export interface XlsxDownload {
  fileName: string;
  content: Buffer;
}

interface ExportStudent {
  id: string;
  personal_file_number: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  gender: Gender;
  phone: string | null;
  email: string | null;
  grade: number;
  letter: string;
  guardians: Array<{ id: string; surname: string; name: string; patronymic: string | null; relation: GuardianRelation; phone: string | null; email: string | null }>;
}

const CLASS_LIST_EXAMPLE: Record<string, string> = {
  fileNumber: '2015-117', surname: 'Ёлкина', name: 'Анна', patronymic: 'Сергеевна', birthDate: '01.09.2015', gender: 'ж',
  className: '5А', phone: '', email: '', g1Name: 'Ёлкина Мария Петровна', g1Relation: 'мать', g1Phone: '+7 912 345-67-89',
  g1Email: 'elkina@example.ru', g2Name: 'Ёлкин Сергей Иванович', g2Relation: 'отец', g2Phone: '8 (912) 345-67-80', g2Email: '',
};

const CLASS_LIST_NOTES = [
  'Первая строка листа — заголовок; порядок столбцов любой, регистр и «ё» в названиях не важны. Одна строка — один обучающийся.',
  'Импорт всё или ничего: если в какой-нибудь строке ошибка, не меняется ничего, а отчёт называет строку и столбец.',
  'Повторный импорт того же файла ничего не меняет. Карточки находятся по номеру личного дела; изменённые поля обновляются.',
  'Обучающиеся, которых нет в файле, только предлагаются к выбытию (лист «Предлагаемые выбытия» отчёта) и только по классам, ' +
    'которые есть в файле; выбытие проводится лишь с параметром applyDepartures=true.',
  'Представитель находится в школе по ФИО и телефону (или ФИО и e-mail), поэтому у братьев и сестёр он один. ' +
    'Пустой телефон или e-mail представителя не стирает записанный.',
  'Пустые «Телефон» и «E-mail» обучающегося стирают записанные; если этих столбцов в файле нет, они не меняются.',
  'CSV: кодировка UTF-8 или Windows-1251, разделитель «;» или «,», значения с разделителем — в кавычках.',
];

const STAFF_NOTES = [
  'Первая строка листа — заголовок; порядок столбцов любой. Одна строка — один сотрудник.',
  'Сотрудник находится по табельному номеру; импорт всё или ничего, повторный импорт того же файла ничего не меняет.',
  'Несколько должностей в одной ячейке разделяются точкой с запятой «;».',
  'Сотрудники, которых нет в файле, не меняются (увольнение отмечается в карточке сотрудника).',
];

/** Templates of the two imports and exports of the current lists in exactly the import format (a round trip changes nothing). */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async classListTemplate(): Promise<XlsxDownload> {
    const wb = await newWorkbook();
    importSheet(wb, 'Список', CLASS_LIST_COLUMNS, ['birthDate']);
    instructionSheet(wb, CLASS_LIST_COLUMNS, CLASS_LIST_EXAMPLE, CLASS_LIST_NOTES);
    return { fileName: 'Шаблон списка класса.xlsx', content: await workbookBuffer(wb) };
  }

  async staffTemplate(): Promise<XlsxDownload> {
    const wb = await newWorkbook();
    importSheet(wb, 'Сотрудники', STAFF_COLUMNS);
    instructionSheet(
      wb,
      STAFF_COLUMNS,
      { personnelNumber: '0042', surname: 'Ёлкина', name: 'Мария', patronymic: 'Петровна', positions: 'учитель математики; классный руководитель' },
      STAFF_NOTES,
    );
    return { fileName: 'Шаблон списка сотрудников.xlsx', content: await workbookBuffer(wb) };
  }

  /** The current students of the year's classes (open enrolment), by class and ФИО, with up to two guardians each. */
  async classLists(actor: Actor, yearId: string): Promise<XlsxDownload> {
    const years = (await this.db.query('SELECT name FROM academic_year WHERE id = $1 AND school_id = $2', [yearId, actor.schoolId])) as Array<{
      name: string;
    }>;
    if (years.length === 0) throw notFound('Academic year');
    const students = (await this.db.query(
      `SELECT s.id, s.personal_file_number, s.surname, s.name, s.patronymic, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date,
              s.gender, s.phone, s.email, c.grade, c.letter,
              coalesce((SELECT json_agg(x ORDER BY x.ord) FROM (
                 SELECT g.id, g.surname, g.name, g.patronymic, sg.relation, g.phone, g.email,
                        row_number() OVER (ORDER BY sg.created_at, g.surname COLLATE "ru-RU-x-icu", g.id) AS ord
                   FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
                  WHERE sg.student_id = s.id) x WHERE x.ord <= 2), '[]'::json) AS guardians
         FROM enrollment e
         JOIN school_class c ON c.id = e.class_id
         JOIN student s ON s.id = e.student_id
        WHERE e.school_id = $1 AND c.academic_year_id = $2 AND e.ends_on IS NULL
        ORDER BY c.grade, c.letter COLLATE "ru-RU-x-icu", s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu",
                 s.patronymic COLLATE "ru-RU-x-icu", s.id`,
      [actor.schoolId, yearId],
    )) as ExportStudent[];
    const wb = await newWorkbook();
    const sheet = importSheet(wb, 'Список', CLASS_LIST_COLUMNS, ['birthDate']);
    for (const s of students) {
      const row: Record<string, string | Date | null> = {
        fileNumber: s.personal_file_number,
        surname: s.surname,
        name: s.name,
        patronymic: s.patronymic,
        birthDate: xlsxDate(s.birth_date),
        gender: GENDER_WORDS[s.gender],
        className: `${s.grade}${s.letter}`,
        phone: s.phone,
        email: s.email,
      };
      s.guardians.forEach((g, i) => {
        row[`g${i + 1}Name`] = personFullName(g);
        row[`g${i + 1}Relation`] = RELATION_WORDS[g.relation];
        row[`g${i + 1}Phone`] = g.phone;
        row[`g${i + 1}Email`] = g.email;
      });
      sheet.addRow(row);
    }
    // reading the lists is a personal-data read of every student and guardian in them
    await this.db.transaction(async (m) => {
      for (const s of students) {
        await this.audit.personalDataRead(
          { entity: 'student', entityId: s.id, subjectPersonId: s.id, fields: ['export:class-lists', 'birthDate', 'phone', 'email', 'guardians'] },
          m,
        );
      }
      const guardians = new Set(students.flatMap((s) => s.guardians.map((g) => g.id)));
      for (const g of guardians) {
        await this.audit.personalDataRead({ entity: 'guardian', entityId: g, subjectPersonId: g, fields: ['export:class-lists', 'phone', 'email'] }, m);
      }
    });
    const today = await schoolToday(this.db.manager, actor.schoolId);
    return { fileName: safeFileName(`Списки классов ${years[0].name} ${today}`) + '.xlsx', content: await workbookBuffer(wb) };
  }

  /** Staff who work at the school (not archived), in Russian alphabetical order. */
  async staff(actor: Actor): Promise<XlsxDownload> {
    const rows = (await this.db.query(
      `SELECT id, personnel_number, surname, name, patronymic, positions FROM staff
        WHERE school_id = $1 AND archived_at IS NULL
        ORDER BY surname COLLATE "ru-RU-x-icu", name COLLATE "ru-RU-x-icu", patronymic COLLATE "ru-RU-x-icu", id`,
      [actor.schoolId],
    )) as Array<{ id: string; personnel_number: string | null; surname: string; name: string; patronymic: string | null; positions: string[] }>;
    const wb = await newWorkbook();
    const sheet = importSheet(wb, 'Сотрудники', STAFF_COLUMNS);
    for (const r of rows) {
      sheet.addRow({
        personnelNumber: r.personnel_number,
        surname: r.surname,
        name: r.name,
        patronymic: r.patronymic,
        positions: r.positions.join(`${POSITION_SEPARATOR} `),
      });
    }
    await this.db.transaction(async (m) => {
      for (const r of rows) {
        await this.audit.personalDataRead({ entity: 'staff', entityId: r.id, subjectPersonId: r.id, fields: ['export:staff', 'personnelNumber', 'positions'] }, m);
      }
    });
    const today = await schoolToday(this.db.manager, actor.schoolId);
    return { fileName: `Сотрудники ${today}.xlsx`, content: await workbookBuffer(wb) };
  }
}
