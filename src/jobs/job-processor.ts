/** What a handler is given for one run of a job. */
export interface JobRunContext<P = Record<string, unknown>> {
  jobId: string;
  schoolId: string;
  /** the user who asked for the job */
  requestedBy: string;
  params: P;
  /** 1 for the first run, 2 for the first retry … */
  attempt: number;
  /** reports progress 0–100 (stored on the job row; clients poll GET /api/v1/jobs/{id}) */
  progress(percent: number): Promise<void>;
}

/** A file a job produced, kept in job_file and served by GET /api/v1/jobs/{id}/file. */
export interface JobOutputFile {
  /** UTF-8, e.g. «Журнал доступа Школа № 1 2026-11-28.xlsx» */
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface JobOutput {
  /** small JSON kept on the job row */
  result?: Record<string, unknown>;
  file?: JobOutputFile;
}

/**
 * A job handler: a provider marked with @JobHandler(JobType.X). It must be idempotent (its output replaces that of
 * an earlier run) and must settle: always await, never swallow errors. Throw JobFailure for an unrecoverable failure.
 * It runs inside the system action context 'job:<id>' of the job's school, so its writes are audited as such.
 */
export interface JobProcessor<P = Record<string, unknown>> {
  run(ctx: JobRunContext<P>): Promise<JobOutput>;
}
