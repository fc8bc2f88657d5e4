import { hash } from 'node:crypto';

/**
 * A stable id from the parts that identify an event, so the same event read from two
 * exports gets the same id: `<prefix>:<sha1 in base64url>`. Not a secret, only a fingerprint.
 */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  return `${prefix}:${hash('sha1', parts.join('\u0000'), 'base64url')}`;
}
