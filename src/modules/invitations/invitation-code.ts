import { createHash, randomBytes } from 'node:crypto';

/**
 * The invitation code itself (пригласительный код): 80 bits from the CSPRNG, written as 16 characters of Crockford's
 * base32 in four groups, e.g. `7K3M-Q9TD-X2FW-H8RB`. The alphabet has no I, L, O or U, so nothing on a printed sheet
 * can be misread; on input case, spaces and dashes do not matter and the look-alikes O→0, I/L→1 are mapped back.
 * Only the SHA-256 of the normalised code is stored (the code is random enough that a salt adds nothing).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** characters of a code; × 5 bits = 80 bits */
export const CODE_LENGTH = 16;
const CODE_BYTES = (CODE_LENGTH * 5) / 8;
const GROUP = 4;
const NORMALISED = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
/** Cyrillic capitals that look like Latin ones (a code typed with the Russian keyboard layout still works). */
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: '0', Р: 'P', С: 'C', Т: 'T', Х: 'X',
};

/** 16 base32 characters from `bytes` (10 bytes), most significant bits first. */
export function encodeCode(bytes: Buffer): string {
  if (bytes.length !== CODE_BYTES) throw new Error(`an invitation code takes ${CODE_BYTES} random bytes`);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    out = CODE_ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** A new code as shown to people: `XXXX-XXXX-XXXX-XXXX`. */
export function generateInvitationCode(): string {
  return formatCode(encodeCode(randomBytes(CODE_BYTES)));
}

/** `XXXXXXXXXXXXXXXX` → `XXXX-XXXX-XXXX-XXXX`. */
export function formatCode(normalised: string): string {
  const groups: string[] = [];
  for (let i = 0; i < normalised.length; i += GROUP) groups.push(normalised.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * The code as typed → its canonical form, or null when it cannot be a code (wrong length or characters).
 * Upper case; spaces, dashes and other separators dropped; Cyrillic look-alikes (А, В, Е, К, М, Н, О, Р, С, Т, Х)
 * read as the Latin letters; O → 0, I and L → 1.
 */
export function normaliseCode(input: string): string | null {
  const s = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/g, '')
    .replace(/[АВЕКМНОРСТХ]/g, (c) => CYRILLIC_LOOKALIKES[c])
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return NORMALISED.test(s) ? s : null;
}

/** Hex SHA-256 of the normalised code: the only form the database keeps. */
export function hashCode(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}
