import { ConfigError } from '../../config/app-config';
import { parseArgs } from './create-operator';

describe('operator:create arguments', () => {
  it('takes the login and the ФИО', () => {
    expect(parseArgs(['--login', 'operator.krsk', '--full-name', 'Соколова Анна Дмитриевна'])).toEqual({
      login: 'operator.krsk',
      fullName: 'Соколова Анна Дмитриевна',
    });
  });

  it('refuses a missing or malformed login, a blank ФИО and unknown arguments', () => {
    expect(() => parseArgs(['--full-name', 'Соколова Анна'])).toThrow(ConfigError);
    expect(() => parseArgs(['--login', 'оператор', '--full-name', 'Соколова Анна'])).toThrow(/--login/);
    expect(() => parseArgs(['--login', 'operator.krsk', '--full-name', '  '])).toThrow(/--full-name/);
    expect(() => parseArgs(['--login', 'operator.krsk', '--full-name', 'Соколова Анна', '--school', 'x'])).toThrow(/--school/);
  });
});
