/**
 * An unrecoverable failure of a job: thrown by a handler when running it again cannot help (bad parameters, a record
 * that no longer exists). The job fails at once with this message as its error; any other error is retried with
 * backoff (job-retry.ts). The message is shown to the user who asked for the job: no secrets, Russian is fine.
 */
export class JobFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'JobFailure';
  }
}
