import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default catalogue as it was when this migration was written (a migration never follows later code). */
const DEFAULT_SUBJECTS: ReadonlyArray<{ code: string; name: string; shortName: string }> = [
  { code: 'russian', name: 'Русский язык', shortName: 'Рус. яз.' },
  { code: 'literature', name: 'Литература', shortName: 'Лит.' },
  { code: 'native_language', name: 'Родной язык', shortName: 'Род. яз.' },
  { code: 'native_literature', name: 'Литературное чтение на родном языке', shortName: 'Лит. чт. на род. яз.' },
  { code: 'literary_reading', name: 'Литературное чтение', shortName: 'Лит. чт.' },
  { code: 'math', name: 'Математика', shortName: 'Матем.' },
  { code: 'algebra', name: 'Алгебра', shortName: 'Алг.' },
  { code: 'geometry', name: 'Геометрия', shortName: 'Геом.' },
  { code: 'probability', name: 'Вероятность и статистика', shortName: 'Вер. и стат.' },
  { code: 'informatics', name: 'Информатика', shortName: 'Информ.' },
  { code: 'history', name: 'История', shortName: 'Ист.' },
  { code: 'social_studies', name: 'Обществознание', shortName: 'Общ.' },
  { code: 'geography', name: 'География', shortName: 'Геогр.' },
  { code: 'biology', name: 'Биология', shortName: 'Биол.' },
  { code: 'physics', name: 'Физика', shortName: 'Физ.' },
  { code: 'chemistry', name: 'Химия', shortName: 'Хим.' },
  { code: 'english', name: 'Английский язык', shortName: 'Англ. яз.' },
  { code: 'german', name: 'Немецкий язык', shortName: 'Нем. яз.' },
  { code: 'french', name: 'Французский язык', shortName: 'Фр. яз.' },
  { code: 'world_around', name: 'Окружающий мир', shortName: 'Окр. мир' },
  { code: 'music', name: 'Музыка', shortName: 'Муз.' },
  { code: 'fine_arts', name: 'Изобразительное искусство', shortName: 'ИЗО' },
  { code: 'technology', name: 'Труд (технология)', shortName: 'Труд' },
  { code: 'physical_education', name: 'Физическая культура', shortName: 'Физ-ра' },
  // ОБЗР since 1 September 2024; formerly ОБЖ
  { code: 'obzr', name: 'Основы безопасности и защиты Родины', shortName: 'ОБЗР' },
  { code: 'orkse', name: 'Основы религиозных культур и светской этики', shortName: 'ОРКСЭ' },
  { code: 'odnknr', name: 'Основы духовно-нравственной культуры народов России', shortName: 'ОДНКНР' },
  { code: 'astronomy', name: 'Астрономия', shortName: 'Астр.' },
  { code: 'individual_project', name: 'Индивидуальный проект', shortName: 'Инд. проект' },
];

/**
 * The school's subject catalogue (предметы), audited row by row, and the default Russian catalogue for every school
 * that already exists (new schools get it when they are created).
 */
export class Subjects1796500000000 implements MigrationInterface {
  name = 'Subjects1796500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "subject" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "name" character varying(200) COLLATE "ru-RU-x-icu" NOT NULL, "short_name" character varying(50) NOT NULL, "code" character varying(50) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_12eee115462e38d62e5455fc054" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_subject_code" ON "subject"  ("school_id", "code") `);
    await q.query(`CREATE UNIQUE INDEX "uq_subject_name" ON "subject" ("school_id", lower("name"))`);
    await q.query(`ALTER TABLE "subject" ADD CONSTRAINT "FK_d11860d0779b61b0c4a988d8c54" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(
      `CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "subject" FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`,
    );
    // the catalogue of the schools already there; the audit trigger records these rows as the migration's
    await q.query(`SELECT set_config('ejournal.ctx', '{"system":"migration","userId":null,"schoolId":null,"roles":[]}', true)`);
    await q.query(
      `INSERT INTO "subject" ("school_id", "code", "name", "short_name")
       SELECT s.id, d.code, d.name, d.short_name
         FROM "school" s
        CROSS JOIN unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS d(code, name, short_name)
       ON CONFLICT DO NOTHING`,
      [DEFAULT_SUBJECTS.map((d) => d.code), DEFAULT_SUBJECTS.map((d) => d.name), DEFAULT_SUBJECTS.map((d) => d.shortName)],
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_row_change ON "subject"`);
    await q.query(`DROP TABLE "subject"`);
  }
}
