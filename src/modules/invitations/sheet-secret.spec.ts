import { open, seal } from './sheet-secret';

const SECRET = 'a-jwt-secret-of-at-least-32-characters!!';

describe('sealing the codes of an invitation sheet', () => {
  const value = { rows: [{ code: '7K3M-Q9TD-X2FW-H8RB', studentName: 'Иванов Иван' }] };

  it('opens what it sealed', () => {
    expect(open(SECRET, 'school-1', seal(SECRET, 'school-1', value))).toEqual(value);
  });

  it('the box shows neither the code nor the names', () => {
    const text = JSON.stringify(seal(SECRET, 'school-1', value));
    expect(text).not.toContain('7K3M');
    expect(text).not.toContain('Иванов');
  });

  it('two seals of the same value differ (random salt and nonce)', () => {
    expect(seal(SECRET, 's', value).data).not.toEqual(seal(SECRET, 's', value).data);
  });

  it('another secret, another school, a changed byte or garbage do not open', () => {
    const box = seal(SECRET, 'school-1', value);
    expect(open('another-secret-of-at-least-32-characters', 'school-1', box)).toBeNull();
    expect(open(SECRET, 'school-2', box)).toBeNull();
    const data = Buffer.from(box.data, 'base64');
    data[0] ^= 1;
    expect(open(SECRET, 'school-1', { ...box, data: data.toString('base64') })).toBeNull();
    expect(open(SECRET, 'school-1', null)).toBeNull();
    expect(open(SECRET, 'school-1', { v: 1 })).toBeNull();
    expect(open(SECRET, 'school-1', 'text')).toBeNull();
  });
});
