/** The parameters an import job is created with (job.params); the file itself is in import_upload. */
export interface ClassListImportParams {
  academicYearId: string;
  /** date of the arrivals, transfers and departures the import causes, 'YYYY-MM-DD' */
  date: string;
  orderNumber: string | null;
  applyDepartures: boolean;
  confirm: boolean;
  fileName: string;
}

export interface StaffImportParams {
  fileName: string;
}

/** Raised inside the import transaction to roll it back after collecting row errors. */
export class RollbackImport extends Error {
  constructor() {
    super('import rolled back');
  }
}

/** Largest number of errors kept in the job's JSON result (all of them are in the XLSX report). */
export const MAX_ERRORS_IN_RESULT = 200;
