import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators';
import { PlannedTopic } from '../../lessons/dto/lesson.dto';

/** Whose diary: a guardian names their child, a student themself, staff a student within their reach. */
export class DiaryStudentQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  studentId!: string;
}

export class DiaryWeekQuery extends DiaryStudentQuery {
  /** Any date of the week (Monday–Sunday) to show. @example 2026-11-18 */
  @IsIsoDate()
  date!: string;
}

export class DiaryMarksQuery extends DiaryStudentQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  periodId!: string;
}

/** Homework due in [from, to] (both inclusive, at most 366 days). */
export class DiaryHomeworkQuery extends DiaryStudentQuery {
  /** @example 2026-11-16 */
  @IsIsoDate()
  from!: string;

  /** inclusive @example 2026-11-22 */
  @IsIsoDate()
  to!: string;
}

/** The student's personal card (личная карточка в дневнике). */
export class DiaryCardResponse {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  /** Фамилия Имя Отчество @example 'Иванова Мария Петровна' */
  fullName!: string;

  /** @example 'Иванова' */
  surname!: string;

  /** @example 'Мария' */
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ format: 'uuid' })
  schoolId!: string;

  /** The school's name. @example 'МБОУ «Средняя общеобразовательная школа № 1»' */
  school!: string;

  /** The class the student is enrolled in today (null: not enrolled today). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  classId!: string | null;

  /** @example '5А' */
  @ApiProperty({ type: String, nullable: true })
  className!: string | null;
}

/** A mark of the student (not annulled). */
export class DiaryMark {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** 1–5 @example 5 */
  value!: number;

  /** The mark type's short name. @example 'К/р' */
  markType!: string;

  /** The mark type's weight as the school sets it. @example 2 */
  weight!: number;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;
}

/** Homework set at a lesson. */
export class DiaryLessonHomework {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** @example 'Упр. 125, с. 64' */
  text!: string;

  @ApiProperty({ format: 'date' })
  dueDate!: string;

  /** URLs as given (never fetched). */
  @ApiProperty({ type: [String] })
  links!: string[];
}

/** A dated change that acts on the lesson. */
export class DiaryLessonChange {
  @ApiProperty({ enum: ['substitution', 'cancellation', 'room_change', 'move', 'extra'] })
  kind!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

/** A lesson of the student on its date: whole-class lessons and those of the student's subgroups that day. */
export class DiaryLesson {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** @example 2 */
  lessonNumber!: number;

  /** @example '09:00' */
  @ApiProperty({ type: String, nullable: true })
  startsAt!: string | null;

  /** @example '09:40' */
  @ApiProperty({ type: String, nullable: true })
  endsAt!: string | null;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  /** @example 'Математика' */
  subject!: string;

  /** The subgroup's name for a subgroup lesson. @example '1 группа' */
  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  /** Who gives the lesson (a substitute when there is one). @example 'Петрова Анна Сергеевна' */
  teacher!: string;

  /** @example '204' */
  @ApiProperty({ type: String, nullable: true })
  room!: string | null;

  cancelled!: boolean;

  /** The dated change acting on the lesson (a substitution, a cancellation, a room change, a move, an extra lesson). */
  @ApiProperty({ type: DiaryLessonChange, nullable: true })
  change!: DiaryLessonChange | null;

  /** The journal records the lesson as given. */
  conducted!: boolean;

  /** The topic recorded in the journal (conducted lessons). */
  @ApiProperty({ type: String, nullable: true })
  topic!: string | null;

  /** The approved plan's topic for a lesson not yet given (coming lessons); null otherwise. */
  @ApiProperty({ type: PlannedTopic, nullable: true })
  plannedTopic!: PlannedTopic | null;

  /** Homework set at this lesson. */
  @ApiProperty({ type: DiaryLessonHomework, nullable: true })
  homework!: DiaryLessonHomework | null;

  /** The student's marks at this lesson. */
  @ApiProperty({ type: [DiaryMark] })
  marks!: DiaryMark[];

  /** The student's absence code at this lesson (Н, У, Б, О); null: present or not recorded. */
  @ApiProperty({ type: String, enum: ['Н', 'У', 'Б', 'О'], nullable: true })
  attendance!: string | null;
}

/** Homework due on a date, with the lesson it was set at. */
export class DiaryHomeworkItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date' })
  dueDate!: string;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  /** @example 'Русский язык' */
  subject!: string;

  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  /** @example 'Упр. 125, с. 64' */
  text!: string;

  @ApiProperty({ type: [String] })
  links!: string[];

  /** The lesson it was set at. */
  @ApiProperty({ format: 'uuid' })
  lessonId!: string;

  @ApiProperty({ format: 'date' })
  lessonDate!: string;

  /** @example 3 */
  lessonNumber!: number;
}

export class DiaryDay {
  @ApiProperty({ format: 'date' })
  date!: string;

  /** 1 = Monday … 7 = Sunday */
  weekday!: number;

  /** A school day for the student's class's grade. */
  schoolDay!: boolean;

  /** Why it is not a school day (holidays, a non-working day, a day off), or a moved working day's reason. */
  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: [DiaryLesson] })
  lessons!: DiaryLesson[];

  /** Homework due that day. */
  @ApiProperty({ type: [DiaryHomeworkItem] })
  homeworkDue!: DiaryHomeworkItem[];
}

export class DiaryWeekResponse {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  /** The Monday. */
  @ApiProperty({ format: 'date' })
  from!: string;

  /** The Sunday. */
  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: [DiaryDay] })
  days!: DiaryDay[];
}

export class DiaryHomeworkResponse {
  @ApiProperty({ type: [DiaryHomeworkItem] })
  items!: DiaryHomeworkItem[];
}

/** A mark of the period, with its date. */
export class DiaryPeriodMark extends DiaryMark {
  @ApiProperty({ format: 'date' })
  date!: string;

  /** The lesson (null for a mark from home schooling or a hospital school). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  lessonId!: string | null;
}

/** A subject of the period: the student's marks, their weighted average and the class average (aggregate only). */
export class DiarySubjectMarks {
  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  /** @example 'Математика' */
  subject!: string;

  /** The class whose assignments of the subject the marks belong to. */
  @ApiProperty({ format: 'uuid' })
  classId!: string;

  @ApiProperty({ type: [DiaryPeriodMark] })
  marks!: DiaryPeriodMark[];

  /** The student's weighted average (Σ value × weight / Σ weight), to 2 decimals; null without marks. @example 4.33 */
  @ApiProperty({ type: Number, nullable: true })
  average!: number | null;

  /** The mean of the class's students' weighted averages (as the journal page shows it); null without marks. @example 3.91 */
  @ApiProperty({ type: Number, nullable: true })
  classAverage!: number | null;
}

export class DiaryMarksResponse {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ format: 'uuid' })
  periodId!: string;

  /** @example '2 четверть' */
  periodName!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: [DiarySubjectMarks] })
  subjects!: DiarySubjectMarks[];
}
