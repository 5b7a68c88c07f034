"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SchoolCalendarResponse = exports.CalendarDayView = void 0;
/** One day of a grade's school calendar. */
class CalendarDayView {
}
exports.CalendarDayView = CalendarDayView;
/** A grade's calendar for a range of days within an academic year. */
class SchoolCalendarResponse {
}
exports.SchoolCalendarResponse = SchoolCalendarResponse;
//# sourceMappingURL=calendar.response.js.map