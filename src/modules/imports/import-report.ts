import { RowError } from './class-list-format';
import { newWorkbook, safeFileName, workbookBuffer, XLSX_CONTENT_TYPE } from './xlsx-files';
import { JobOutputFile } from '../../jobs/job-processor';

export interface ReportRowAction {
  row: number;
  key: string;
  name: string;
  detail: string;
  action: string;
}

export interface ImportReport {
  title: string;
  fileName: string;
  summary: Array<[string, string | number]>;
  errors: RowError[];
  warnings: string[];
  rows: ReportRowAction[];
  /** an extra sheet (proposed departures) */
  extra?: { name: string; headers: string[]; rows: Array<Array<string | number>> };
  keyHeader: string;
  detailHeader: string;
}

/** «Отчёт об импорте …xlsx»: the summary, the errors by row and column, what happened to each row. */
export async function reportFile(r: ImportReport, date: string): Promise<JobOutputFile> {
  const wb = await newWorkbook();
  const summary = wb.addWorksheet('Итог');
  summary.columns = [
    { header: r.title, key: 'a', width: 48 },
    { header: '', key: 'b', width: 60 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const [a, b] of r.summary) summary.addRow({ a, b });
  for (const w of r.warnings) summary.addRow({ a: 'Предупреждение', b: w });

  const errors = wb.addWorksheet('Ошибки', { views: [{ state: 'frozen', ySplit: 1 }] });
  errors.columns = [
    { header: 'Строка', key: 'row', width: 8 },
    { header: 'Столбец', key: 'column', width: 30 },
    { header: 'Ошибка', key: 'message', width: 100 },
  ];
  errors.getRow(1).font = { bold: true };
  for (const e of r.errors) errors.addRow({ row: e.row ?? 'файл', column: e.column ?? '', message: e.message });

  const rows = wb.addWorksheet('Строки', { views: [{ state: 'frozen', ySplit: 1 }] });
  rows.columns = [
    { header: 'Строка', key: 'row', width: 8 },
    { header: r.keyHeader, key: 'key', width: 16 },
    { header: 'ФИО', key: 'name', width: 40 },
    { header: r.detailHeader, key: 'detail', width: 14 },
    { header: 'Результат', key: 'action', width: 80 },
  ];
  rows.getRow(1).font = { bold: true };
  for (const a of r.rows) rows.addRow(a);

  if (r.extra) {
    const extra = wb.addWorksheet(r.extra.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    extra.addRow(r.extra.headers).font = { bold: true };
    for (const x of r.extra.rows) extra.addRow(x);
    extra.columns.forEach((c, i) => (c.width = i === 1 ? 40 : 16));
  }
  return {
    fileName: safeFileName(`Отчёт об импорте ${r.fileName} ${date}`).slice(0, 200) + '.xlsx',
    contentType: XLSX_CONTENT_TYPE,
    content: await workbookBuffer(wb),
  };
}
