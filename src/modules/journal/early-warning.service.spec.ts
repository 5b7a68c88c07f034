import { exceedsShare, ru, warningText } from './early-warning.service';

describe('early warning rules', () => {
  it('a share of missed lessons is exceeded only strictly and only with due lessons', () => {
    expect(exceedsShare(3, 10, 0.3)).toBe(false);
    expect(exceedsShare(4, 10, 0.3)).toBe(true);
    expect(exceedsShare(0, 0, 0)).toBe(false);
  });

  it('numbers are written with a decimal comma', () => {
    expect(ru(2.6666)).toBe('2,67');
    expect(ru(3)).toBe('3');
  });

  it('the notification names the student, the class, the subjects and the figures', () => {
    const { title, body } = warningText(
      {
        studentId: 's',
        fullName: 'Иванов Пётр',
        classId: 'c',
        className: '7Б',
        lowAverages: [{ subjectId: 'm', subject: 'Математика', average: 2.67, marks: 6 }],
        absence: { lessons: 40, missed: 14, share: 0.35 },
      },
      '2 четверть',
      0.3,
    );
    expect(title).toBe('Раннее предупреждение: Иванов Пётр, 7Б');
    expect(body).toBe('Иванов Пётр (7Б), 2 четверть: средний балл ниже 3 — Математика: 2,67; пропущено 14 из 40 уроков (35 %) при допустимой доле 30 %.');
  });
});
