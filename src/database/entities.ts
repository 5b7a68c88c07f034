import { JobFile } from '../jobs/entities/job-file.entity';
import { ImportUpload } from '../modules/imports/import-upload.entity';
import { Job } from '../jobs/entities/job.entity';
import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { Subject } from '../modules/contingent/subject.entity';
import { LoginThrottle } from '../modules/auth/entities/login-throttle.entity';
import { SchoolClass } from '../modules/contingent/class.entity';
import { Staff } from '../modules/contingent/staff.entity';
import { Enrollment, Movement } from '../modules/contingent/entities/enrollment.entity';
import { Guardian, StudentGuardian } from '../modules/contingent/entities/guardian.entity';
import { Student } from '../modules/contingent/entities/student.entity';
import { Subgroup, SubgroupMember } from '../modules/contingent/entities/subgroup.entity';
import { TeachingAssignment } from '../modules/contingent/entities/teaching-assignment.entity';
import { CurriculumHours } from '../modules/planning/entities/curriculum-hours.entity';
import { PlanTopic } from '../modules/planning/entities/plan-topic.entity';
import { ThematicPlan } from '../modules/planning/entities/thematic-plan.entity';
import { InvitationCode } from '../modules/invitations/invitation-code.entity';
import { User, UserRole } from '../modules/auth/entities/user.entity';
import { RefreshToken, UserSession } from '../modules/auth/entities/user-session.entity';
import { AcademicYear } from '../modules/school/entities/academic-year.entity';
import { Bell, BellSchedule } from '../modules/school/entities/bell-schedule.entity';
import { CalendarDay } from '../modules/school/entities/calendar-day.entity';
import { Holiday } from '../modules/school/entities/holiday.entity';
import { MarkType } from '../modules/school/entities/mark-type.entity';
import { SchoolSettings } from '../modules/school/entities/school-settings.entity';
import { School } from '../modules/school/entities/school.entity';
import { StudyPeriod } from '../modules/school/entities/study-period.entity';
import { WeekPattern } from '../modules/school/entities/week-pattern.entity';
import { Room } from '../modules/schedule/entities/room.entity';
import { Notification } from '../modules/messaging/notification.entity';
import { TimetableChange } from '../modules/schedule/entities/timetable-change.entity';
import { Lesson } from '../modules/schedule/entities/lesson.entity';
import { IdempotencyKey, JournalOutage, Mark, MarkHistory } from '../modules/journal/entities/mark.entity';
import { Attendance, AttendanceHistory, AttendanceWeek } from '../modules/attendance/entities/attendance.entity';
import { Homework } from '../modules/homework/entities/homework.entity';
import { TimetableEntry } from '../modules/schedule/entities/timetable-entry.entity';

/**
 * Every entity, for the migration CLI and the schema drift check. The app itself registers entities
 * per module (TypeOrmModule.forFeature); a test checks that both lists agree.
 */
export const ENTITIES: Function[] = [
  School, SchoolSettings, AcademicYear, StudyPeriod, Holiday, CalendarDay, WeekPattern, BellSchedule, Bell, MarkType,
  User, UserRole, AuditEvent, UserSession, RefreshToken, LoginThrottle, Job, JobFile,
  Subject, Staff, SchoolClass,
  Student, Guardian, StudentGuardian, Enrollment, Movement, Subgroup, SubgroupMember, TeachingAssignment, InvitationCode,
  ImportUpload,
  Room, TimetableEntry, TimetableChange, Lesson,
  Mark, MarkHistory, JournalOutage, IdempotencyKey, Attendance, AttendanceHistory, AttendanceWeek, Homework,
  Notification,
  CurriculumHours, ThematicPlan, PlanTopic,
];
