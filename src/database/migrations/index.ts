import { Init1795860701164 } from './1795860701164-init';
import { AuditTrail1796100000000 } from './1796100000000-audit-trail';
import { Jobs1796200000000 } from './1796200000000-jobs';
import { Sessions1796300000000 } from './1796300000000-sessions';
import { Subjects1796500000000 } from './1796500000000-subjects';
import { StaffClasses1796600000000 } from './1796600000000-staff-classes';
import { Students1796700000000 } from './1796700000000-students';
import { Imports1796740000000 } from './1796740000000-imports';
import { Timetable1796800000000 } from './1796800000000-timetable';
import { Planning1796810000000 } from './1796810000000-planning';
import { TimetableChanges1796820000000 } from './1796820000000-timetable-changes';
import { Lessons1796900000000 } from './1796900000000-lessons';
import { Journal1796910000000 } from './1796910000000-journal';
import { MovedWorkingDays1796920000000 } from './1796920000000-moved-working-days';
import { HomeworkAssignment1796930000000 } from './1796930000000-homework-assignment';

/** Every migration, in order. A migration that has landed is never edited; add a new one. */
export const MIGRATIONS: Function[] = [
  Init1795860701164,
  AuditTrail1796100000000,
  Jobs1796200000000,
  Sessions1796300000000,
  Subjects1796500000000,
  StaffClasses1796600000000,
  Students1796700000000,
  Imports1796740000000,
  Timetable1796800000000,
  Planning1796810000000,
  TimetableChanges1796820000000,
  Lessons1796900000000,
  Journal1796910000000,
  MovedWorkingDays1796920000000,
  HomeworkAssignment1796930000000,
];
