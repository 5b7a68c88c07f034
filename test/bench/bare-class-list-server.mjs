// The hand-written floor of the class-list figure: node:http and one pg Pool answering GET /<classId> with the same
// SQL a careful hand would write (enrolled on today's date, Russian order), as JSON. No framework, no token, no
// session check, no relationship check. Started by contingent-bench.mjs with DATABASE_URL and PORT.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Pool } = require(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'pg'));
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const SQL = `SELECT s.id, s.surname, s.name, s.patronymic, s.gender, to_char(s.birth_date, 'YYYY-MM-DD') AS "birthDate",
                    s.personal_file_number AS "personalFileNumber"
               FROM enrollment e JOIN student s ON s.id = e.student_id
              WHERE e.class_id = $1 AND e.starts_on <= current_date AND (e.ends_on IS NULL OR e.ends_on > current_date)
              ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.patronymic COLLATE "ru-RU-x-icu", s.id`;

createServer(async (req, res) => {
  try {
    const { rows } = await pool.query(SQL, [req.url.slice(1)]);
    const body = JSON.stringify({ items: rows.map((r, i) => ({ number: i + 1, ...r })) });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
