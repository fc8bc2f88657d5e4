import { TextDecoder } from 'node:util';

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Decodes a quoted-printable value (vCard 2.1: `=C3=91=20…`, soft line breaks already joined)
 * in the given charset (UTF-8 when absent or unknown). Malformed escapes are kept as written;
 * bytes that are not valid in the charset become U+FFFD. Never throws.
 */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 61 && HEX.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 128) bytes.push(c);
    else for (const b of Buffer.from(value[i]!, 'utf8')) bytes.push(b);
  }
  return decoderFor(charset).decode(Uint8Array.from(bytes));
}

function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset.trim().toLowerCase() || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}
