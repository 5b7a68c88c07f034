import { CODE_ALPHABET, encodeCode, formatCode, generateInvitationCode, hashCode, normaliseCode } from './invitation-code';

describe('invitation codes', () => {
  it('a new code is four groups of four characters of the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateInvitationCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(code).not.toMatch(/[ILOU]/);
    }
  });

  it('carries 80 bits: every bit of the random bytes shows in the code', () => {
    expect(encodeCode(Buffer.alloc(10, 0))).toBe('0000000000000000');
    expect(encodeCode(Buffer.alloc(10, 0xff))).toBe('ZZZZZZZZZZZZZZZZ');
    expect(encodeCode(Buffer.from([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('G000000000000001');
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
  });

  it('codes do not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => generateInvitationCode()));
    expect(codes.size).toBe(5000);
  });

  it('normalisation ignores case, spaces and dashes and maps look-alikes', () => {
    const code = '7K3M-Q9TD-X2FW-H8RB';
    expect(normaliseCode(code)).toBe('7K3MQ9TDX2FWH8RB');
    expect(normaliseCode(' 7k3m q9td x2fw h8rb ')).toBe('7K3MQ9TDX2FWH8RB');
    expect(normaliseCode('7k3mq9tdx2fwh8rb')).toBe('7K3MQ9TDX2FWH8RB');
    expect(normaliseCode('10O0-ILo0-0000-0000')).toBe('1000110000000000');
    expect(normaliseCode('7K3M–Q9TD—X2FW-H8RB')).toBe('7K3MQ9TDX2FWH8RB');
    // typed with the Russian layout: Cyrillic к, м, т, х, н, в read as the Latin letters they look like
    expect(normaliseCode('7к3м-Q9тD-х2FW-н8Rв')).toBe('7K3MQ9TDX2FWH8RB');
  });

  it('what cannot be a code normalises to null', () => {
    expect(normaliseCode('')).toBeNull();
    expect(normaliseCode('7K3M-Q9TD-X2FW')).toBeNull();
    expect(normaliseCode('7K3M-Q9TD-X2FW-H8RBX')).toBeNull();
    expect(normaliseCode('UUUU-Q9TD-X2FW-H8RB')).toBeNull();
    expect(normaliseCode('7Ж3M-Q9TD-X2FW-H8RB')).toBeNull();
  });

  it('the hash is the hex SHA-256 of the normalised code, the same however the code was typed', () => {
    const code = generateInvitationCode();
    const hash = hashCode(normaliseCode(code) as string);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(normaliseCode(code.toLowerCase().replace(/-/g, ' ')) as string)).toBe(hash);
    expect(hash).not.toContain(code.replace(/-/g, '').toLowerCase());
  });

  it('formats groups of four', () => {
    expect(formatCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
  });
});
