import { DataSource } from 'typeorm';
import { JobFailure } from '../../jobs/job-failure';

/** The uploaded file of an import job. */
export async function loadUpload(db: DataSource, jobId: string): Promise<{ content: Buffer; fileName: string; sha256: string }> {
  const rows = (await db.query('SELECT content, file_name, sha256 FROM import_upload WHERE job_id = $1', [jobId])) as Array<{
    content: Buffer;
    file_name: string;
    sha256: string;
  }>;
  if (rows.length === 0) throw new JobFailure('Файл импорта не найден');
  return { content: rows[0].content, fileName: rows[0].file_name, sha256: rows[0].sha256 };
}
