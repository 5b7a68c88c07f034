import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, Max, Min, validate, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { memoizeValidationMetadata } from './validation-metadata-memo';

class Base {
  @IsString()
  name!: string;
}

class Mark extends Base {
  @IsInt()
  @Min(1)
  @Max(5)
  value!: number;
}

class Lesson {
  @ValidateNested({ each: true })
  @Type(() => Mark)
  marks!: Mark[];
}

const options = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const errorsOf = async (cls: new () => object, plain: object) =>
  (await validate(plainToInstance(cls, plain), options)).map((e) => JSON.stringify(e.children?.length ? e.children : e.constraints));

describe('memoised validation metadata', () => {
  it('answers what class-validator answers, inherited rules included, for valid and invalid objects', async () => {
    const before = [
      await errorsOf(Lesson, { marks: [{ name: 'Иванов', value: 5 }] }),
      await errorsOf(Lesson, { marks: [{ name: 'Иванов', value: 6 }, { name: 7, value: 3 }, { name: 'Петров', value: 4, extra: 1 }] }),
    ];
    expect(before[0]).toEqual([]);
    expect(before[1].length).toBe(1);
    memoizeValidationMetadata();
    memoizeValidationMetadata(); // a second install changes nothing
    const after = [
      await errorsOf(Lesson, { marks: [{ name: 'Иванов', value: 5 }] }),
      await errorsOf(Lesson, { marks: [{ name: 'Иванов', value: 6 }, { name: 7, value: 3 }, { name: 'Петров', value: 4, extra: 1 }] }),
    ];
    expect(after).toEqual(before);
  });

  it('keeps one answer per class and options', () => {
    memoizeValidationMetadata();
    const storage = getMetadataStorage();
    const a = storage.getTargetValidationMetadatas(Mark, '', false, false);
    expect(storage.getTargetValidationMetadatas(Mark, '', false, false)).toBe(a);
    expect(a.map((m) => m.propertyName).sort()).toEqual(['name', 'value', 'value', 'value']);
    expect(storage.getTargetValidationMetadatas(Mark, '', false, false, ['other'])).not.toBe(a);
    expect(storage.groupByPropertyName(a)).toBe(storage.groupByPropertyName(a));
  });

  it('forgets its answers when a rule is added, so a class declared later validates by its rules', async () => {
    memoizeValidationMetadata();
    const storage = getMetadataStorage();
    const kept = storage.getTargetValidationMetadatas(Mark, '', false, false);
    class Late extends Mark {
      @IsString()
      comment!: string;
    }
    expect(storage.getTargetValidationMetadatas(Mark, '', false, false)).not.toBe(kept);
    expect(await errorsOf(Late, { name: 'Иванов', value: 5, comment: 'хорошо' })).toEqual([]);
    expect(await errorsOf(Late, { name: 'Иванов', value: 5, comment: 5 })).toEqual([JSON.stringify({ isString: 'comment must be a string' })]);
  });
});
