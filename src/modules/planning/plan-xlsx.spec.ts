import { TopicKind } from './entities/plan-topic.entity';
import { planWorkbook, PlanTopicInput, readPlanFile } from './plan-xlsx';

const heading = { className: '5А', subjectName: 'Математика', teacherName: 'Иванова Мария Петровна', yearName: '2026/2027' };
const topics: PlanTopicInput[] = [
  { title: 'Тема 1. Натуральные числа', hours: 1, kind: TopicKind.Lesson, notes: null },
  { title: '1945', hours: 1.5, kind: TopicKind.Practical, notes: 'с. 12–14' },
  { title: 'Тема 3. Опыт', hours: 2, kind: TopicKind.Lab, notes: null },
  { title: 'Контрольная работа № 1', hours: 1, kind: TopicKind.Test, notes: null },
];

async function sheetOf(rows: unknown[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('КТП');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('plan XLSX', () => {
  it('export → import gives the same topics', async () => {
    expect(await readPlanFile(await planWorkbook(heading, topics))).toEqual({ topics });
  });

  it('Russian kinds, decimal commas and a total row are read', async () => {
    const file = await sheetOf([
      ['№', 'Тема урока', 'Кол-во часов', 'Вид работы'],
      [1, 'Введение', '1', 'Урок'],
      [2, 'Практикум', '0,5', 'практическая'],
      [3, 'Лабораторная', 1, 'лабораторная'],
      [4, 'Итоговая', 1, 'контрольная'],
      [5, null, null, null],
      ['', 'Итого', 3.5, ''],
    ]);
    const read = await readPlanFile(file);
    expect(read).toEqual({
      topics: [
        { title: 'Введение', hours: 1, kind: TopicKind.Lesson, notes: null },
        { title: 'Практикум', hours: 0.5, kind: TopicKind.Practical, notes: null },
        { title: 'Лабораторная', hours: 1, kind: TopicKind.Lab, notes: null },
        { title: 'Итоговая', hours: 1, kind: TopicKind.Test, notes: null },
      ],
    });
  });

  it('bad rows are named with their column, in Russian', async () => {
    const file = await sheetOf([
      ['№', 'Тема', 'Часы', 'Вид работы'],
      [1, 'Введение', 1, 'урок'],
      [2, '', 1, 'урок'],
      [3, 'Тема', 'много', 'экскурсия'],
      [4, 'Тема', 0, 'урок'],
    ]);
    const read = await readPlanFile(file);
    expect(read).toEqual({
      errors: [
        { row: 3, column: 'Тема', message: 'не указана тема' },
        { row: 4, column: 'Часы', message: '«много» не является числом часов' },
        { row: 4, column: 'Вид работы', message: expect.stringContaining('«экскурсия» не распознан') },
        { row: 5, column: 'Часы', message: expect.stringContaining('недопустимо') },
      ],
    });
  });

  it('a file without the columns is refused as a whole', async () => {
    const read = await readPlanFile(await sheetOf([['Фамилия', 'Имя'], ['Иванов', 'Иван']]));
    expect('errors' in read && read.errors[0].message).toMatch(/нет обязательных столбцов/);
    const garbage = await readPlanFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect('errors' in garbage && garbage.errors[0].row).toBeNull();
  });
});
