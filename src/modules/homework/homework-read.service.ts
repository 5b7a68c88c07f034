import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { STAFF_ROLES } from '../../common/access/role';
import { fieldProblem } from '../../common/errors/problem';
import { assertClassInReach } from '../contingent/reach/reach';
import { HOMEWORK_COLUMNS, HOMEWORK_JOINS, HOMEWORK_ORDER } from '../diary/diary-sql';
import { addDays } from '../school/calendar/working-calendar';
import { ClassHomeworkQuery, ClassHomeworkResponse } from './dto/homework-read.dto';

const MAX_RANGE_DAYS = 366;

/** Homework as the staff read it: a class's homework (whole class and its subgroups) by due date. */
@Injectable()
export class HomeworkReadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forClass(actor: Actor, classId: string, q: ClassHomeworkQuery): Promise<ClassHomeworkResponse> {
    if (q.to < q.from) throw fieldProblem('date-range-invalid', 'to', 'must not be before from');
    if (addDays(q.from, MAX_RANGE_DAYS - 1) < q.to) throw fieldProblem('date-range-invalid', 'to', `at most ${MAX_RANGE_DAYS} days`);
    const m = this.db.manager;
    await assertClassInReach(m, { ...actor, roles: actor.roles.filter((r) => STAFF_ROLES.includes(r)) }, classId);
    const items = await m.query(
      `SELECT ${HOMEWORK_COLUMNS}
         FROM homework hw
         JOIN lesson l ON l.id = hw.lesson_id
         JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
         ${HOMEWORK_JOINS}
        WHERE hw.school_id = $1 AND a.class_id = $2 AND hw.due_date BETWEEN $3::date AND $4::date
        ${HOMEWORK_ORDER}`,
      [actor.schoolId, classId, q.from, q.to],
    );
    return { items };
  }
}
