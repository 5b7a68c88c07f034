import { Gender } from '../contingent/entities/student.entity';
import { GuardianRelation } from '../contingent/entities/guardian.entity';
import { parseClassListRow, parseClassName, parseRelation, splitFullName } from './class-list-format';
import { matchColumns, normalizeHeader } from './table/columns';
import { CLASS_LIST_COLUMNS } from './class-list-format';

describe('class-list rows', () => {
  it('matches headers whatever the case, «ё», spaces and order', () => {
    expect(normalizeHeader(' Представитель 1:  КЕМ приходится ')).toBe(normalizeHeader('представитель 1: кем приходится'));
    const m = matchColumns(['Класс', 'ФАМИЛИЯ', 'имя', '№ Личного дела', 'Дата рождения', 'пол', 'Примечание'], CLASS_LIST_COLUMNS);
    expect(m.errors).toEqual([]);
    expect(m.index).toMatchObject({ className: 0, surname: 1, name: 2, fileNumber: 3 });
    expect(m.ignored).toEqual(['Примечание']);
    expect(matchColumns(['Фамилия', 'Имя'], CLASS_LIST_COLUMNS).errors[0]).toContain('«№ личного дела», «Дата рождения», «Пол», «Класс»');
  });

  it('reads class names, relations and full names', () => {
    expect(parseClassName('5а')).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassName('10 - Б')).toEqual({ grade: 10, letter: 'Б' });
    expect(parseClassName('12А')).toBeNull();
    expect(parseRelation('Приёмный  родитель')).toBe(GuardianRelation.FosterParent);
    expect(parseRelation('тётя')).toBeNull();
    expect(splitFullName('  Мамедов  Эльдар Рашид оглы ')).toEqual({ surname: 'Мамедов', name: 'Эльдар', patronymic: 'Рашид оглы' });
  });

  it('normalises a valid row and names every problem of a bad one by its column', () => {
    const ok = parseClassListRow(
      2,
      {
        fileNumber: 117, surname: ' Ёлкина ', name: 'Анна', birthDate: '01.09.2015', gender: 'Ж', className: '5а',
        phone: '8 (912) 345-67-89', g1Name: 'Ёлкина Мария Петровна', g1Relation: 'мать', g1Phone: null,
      },
      '2026-09-01',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.value).toMatchObject({
      fileNumber: '117', surname: 'Ёлкина', gender: Gender.Female, grade: 5, letter: 'А', phone: '+79123456789', email: undefined,
      guardians: [{ surname: 'Ёлкина', name: 'Мария', patronymic: 'Петровна', relation: GuardianRelation.Mother, phone: null, email: null, slot: 1 }],
    });
    const bad = parseClassListRow(7, { fileNumber: null, surname: 'Ив', name: 'Ан', birthDate: '01.09.1990', gender: 'x', className: '5', email: 'nope', g2Relation: 'отец' }, '2026-09-01');
    expect(bad.value).toBeUndefined();
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [7, '№ личного дела'], [7, 'Дата рождения'], [7, 'Пол'], [7, 'Класс'], [7, 'E-mail'], [7, 'Представитель 2: ФИО'],
    ]);
  });
});
