import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing of what the sheet job must print (the codes) while it waits in the job row: AES-256-GCM under a key
 * derived by HKDF-SHA256 from the application's JWT secret, with a random salt per sheet and the school as
 * associated data (a sealed box copied into another school's job does not open). The job overwrites the box once
 * the file is made, so the codes never rest in the database in clear — only in the produced file itself.
 */
export interface SealedBox {
  /** format version */
  v: 1;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

const INFO = 'ejournal invitation-sheet v1';

function keyOf(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, INFO, 32));
}

export function seal(secret: string, associated: string, value: unknown): SealedBox {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret, salt), iv);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    v: 1,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The sealed value, or null when the box is malformed, was tampered with, or was sealed under another secret. */
export function open<T>(secret: string, associated: string, box: unknown): T | null {
  if (!box || typeof box !== 'object') return null;
  const b = box as Partial<SealedBox>;
  if (b.v !== 1 || typeof b.salt !== 'string' || typeof b.iv !== 'string' || typeof b.tag !== 'string' || typeof b.data !== 'string') {
    return null;
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret, Buffer.from(b.salt, 'base64')), Buffer.from(b.iv, 'base64'));
    decipher.setAAD(Buffer.from(associated, 'utf8'));
    decipher.setAuthTag(Buffer.from(b.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(b.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    return null;
  }
}
