import { IsString, validateSync } from 'class-validator';
import { Optional } from './optional';

class Probe {
  @Optional()
  @IsString()
  name?: string;

  @Optional({ nullable: true })
  @IsString()
  address?: string | null;
}

const errorsOf = (value: object) => validateSync(Object.assign(new Probe(), value)).map((e) => e.property);

describe('Optional()', () => {
  it('a property left out is not validated', () => {
    expect(errorsOf({})).toEqual([]);
  });

  it('an explicit null is validated (and refused) unless the property is nullable', () => {
    expect(errorsOf({ name: null })).toEqual(['name']);
    expect(errorsOf({ address: null })).toEqual([]);
  });

  it('a present value is validated as usual', () => {
    expect(errorsOf({ name: 5, address: 7 })).toEqual(['name', 'address']);
    expect(errorsOf({ name: 'Школа', address: 'ул. Ленина, 1' })).toEqual([]);
  });
});
