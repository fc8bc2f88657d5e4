/**
 * Normalised identity keys, shared by importers. Every input here is untrusted text.
 */

/**
 * A copy of `s` that does not keep alive the (large) text chunk it was cut from. V8 makes
 * substrings of 13+ characters as views into their parent; anything kept beyond one row
 * (cache keys, identity fields) must be detached or whole 256 KiB chunks stay in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** Folds a name for comparison: compatibility-decomposed, accents dropped, lower case, single spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `name:<folded name>`, or undefined for a blank name. */
export function nameKey(name: string): string | undefined {
  const folded = foldName(name);
  return folded === '' ? undefined : `name:${folded}`;
}

/** A lower-cased email address, or undefined when `raw` does not look like one. */
export function emailKey(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  const at = email.indexOf('@');
  if (at <= 0 || at === email.length - 1 || email.indexOf('@', at + 1) !== -1) return undefined;
  for (let i = 0; i < email.length; i++) if (email.charCodeAt(i) <= 32) return undefined;
  return email;
}

function decodeSlug(slug: string): string {
  if (slug.indexOf('%') === -1) return slug;
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/**
 * The member slug of a LinkedIn profile URL, lower-cased:
 * `https://www.linkedin.com/in/Ada-Lovelace-123/?x=1` → `ada-lovelace-123`. Old public
 * profile URLs (`/pub/name/1/23/456`) keep their whole path as `pub/name/1/23/456`.
 * Undefined for anything else.
 */
export function linkedinSlug(url: string): string | undefined {
  const lower = url.trim().toLowerCase();
  if (lower.indexOf('linkedin.') === -1) return undefined;
  let start = lower.indexOf('/in/');
  let end: number;
  if (start !== -1) {
    start += 4;
    end = start;
    while (end < lower.length) {
      const c = lower.charCodeAt(end);
      if (c === 47 || c === 63 || c === 35) break; // '/', '?', '#'
      end++;
    }
  } else {
    start = lower.indexOf('/pub/');
    if (start === -1) return undefined;
    start++;
    end = start;
    while (end < lower.length && lower.charCodeAt(end) !== 63 && lower.charCodeAt(end) !== 35) end++;
    while (end > start && lower.charCodeAt(end - 1) === 47) end--;
  }
  const slug = decodeSlug(lower.slice(start, end)).toLowerCase().trim();
  return slug === '' || slug === 'pub' ? undefined : slug;
}
