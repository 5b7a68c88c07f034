const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', '№': 'N',
};

/** An ASCII stand-in for old clients: Russian letters transliterated, anything else non-printable as "_". */
export function asciiFileName(name: string): string {
  const out = [...name.normalize('NFC')]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const t = TRANSLIT[lower];
      if (t !== undefined) return ch !== lower && t.length > 0 ? t[0].toUpperCase() + t.slice(1) : t;
      return /[\x20-\x7e]/.test(ch) ? ch : '_';
    })
    .join('')
    .replace(/["\\]/g, '_');
  return out.trim() === '' ? 'file' : out;
}

/** RFC 5987 ext-value: UTF-8, percent-encoded except attr-char. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition: attachment` with both the ASCII fallback (`filename="…"`) and the exact UTF-8 name
 * (`filename*=UTF-8''…`, RFC 6266 §4.3 / RFC 5987), so every browser saves «Журнал доступа ….xlsx» by its name.
 */
export function attachmentDisposition(fileName: string): string {
  const clean = fileName.replace(/[\r\n\t]/g, ' ');
  return `attachment; filename="${asciiFileName(clean)}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}
