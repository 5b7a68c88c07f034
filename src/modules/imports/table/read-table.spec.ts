import { deflateRawSync } from 'node:zlib';
import { CLASS_LIST_COLUMNS } from '../class-list-format';
import { headerScore } from './columns';
import { readTable, UnreadableFile, zipInflatedSize } from './read-table';

/** A one-entry ZIP (stored names, deflated data) with the sizes it declares. */
function zip(name: string, data: Buffer, declaredSize = data.length): Buffer {
  const packed = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(n.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + n.length, 12);
  eocd.writeUInt32LE(30 + n.length + packed.length, 16);
  return Buffer.concat([local, n, packed, central, n, eocd]);
}

describe('reading an import file as a table', () => {
  it('sums the sizes a ZIP declares before inflating anything; null for a broken one', () => {
    expect(zipInflatedSize(zip('a.xml', Buffer.alloc(1000, 'a')))).toBe(1000);
    expect(zipInflatedSize(zip('a.xml', Buffer.alloc(10), 0xffffffff))).toBeGreaterThan(2 ** 40);
    expect(zipInflatedSize(Buffer.from('PK\u0003\u0004garbage'))).toBeNull();
  });

  it('refuses a ZIP that would unpack to more than the limit (a zip bomb) without unpacking it', async () => {
    await expect(readTable(zip('xl/workbook.xml', Buffer.alloc(10), 300 * 2 ** 20))).rejects.toThrow(UnreadableFile);
  });

  it('skips a title row above the header', async () => {
    const csv = 'Список 5А класса;;\n№ личного дела;Фамилия;Имя\n1;Иванов;Иван\n';
    const t = await readTable(Buffer.from(csv), headerScore(CLASS_LIST_COLUMNS));
    expect(t).toMatchObject({ headerRow: 2, header: ['№ личного дела', 'Фамилия', 'Имя'], rows: [{ row: 3, cells: ['1', 'Иванов', 'Иван'] }] });
  });
});
