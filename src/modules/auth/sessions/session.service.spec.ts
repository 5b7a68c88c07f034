import { returnedRows } from './session.service';

describe('returnedRows', () => {
  it("takes the rows out of TypeORM's [rows, rowCount] answer to UPDATE … RETURNING, and passes plain rows through", () => {
    expect(returnedRows([[{ id: 'a' }, { id: 'b' }], 2])).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(returnedRows([[], 0])).toEqual([]);
    expect(returnedRows([{ id: 'a' }])).toEqual([{ id: 'a' }]);
  });
});
