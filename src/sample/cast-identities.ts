import { slugify } from './people.js';
import { hash32, permute32 } from './random.js';

/** A phone number as E.164 and in the three spellings the cast's files use for it. */
export interface Phone {
  e164: string;
  /** `+49 30 1234567`: how WhatsApp and Skype show a number that is not saved in the phone. */
  international: string;
  /** `030 1234567`: national, readable only knowing the region (DE). */
  national: string;
  /** `(030) 123-4567`: national with punctuation, as people type it into contacts. */
  dashed: string;
}

/** ASCII letters and digits of a name, lower case: `José Núñez` → `josenunez`. */
export function asciiName(text: string): string {
  return slugify(text).replace(/-/g, '');
}

/** A name folded for comparison: accents dropped, lower case (`Zoë` and `zoe` are one name). */
export function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** People without an employer's domain write from a mail provider. */
const PERSONAL_DOMAIN = 'mail.example';
const NO_DOMAIN = new Set(['', 'self-employed', 'freelance', 'stealth startup']);

/** A company's mail domain under the reserved `.example` TLD: `Bergmann & Söhne GmbH` → `bergmannsohne.example`. */
export function companyDomain(company: string): string {
  if (NO_DOMAIN.has(company.toLowerCase())) return PERSONAL_DOMAIN;
  const words = slugify(company)
    .split('-')
    .filter((w) => !['gmbh', 'inc', 'llc', 'llp', 'co', 'kk', 'as', 's', 'r', 'o', 'the'].includes(w));
  return `${words.slice(0, 2).join('') || 'company'}.example`;
}

/** `local@domain`, with a digit added to the local part while the address is taken; marks it taken. */
export function uniqueAddress(local: string, domain: string, used: Set<string>): string {
  let address = `${local}@${domain}`;
  for (let n = 2; used.has(address); n++) address = `${local}${n}@${domain}`;
  used.add(address);
  return address;
}

/** `base` cut to `max` characters, with digits replacing its tail while it is taken; marks it taken. */
export function uniqueHandle(base: string, max: number, used: Set<string>): string {
  let handle = base.slice(0, max);
  for (let n = 2; used.has(handle.toLowerCase()); n++) {
    const suffix = String(n);
    handle = base.slice(0, max - suffix.length) + suffix;
  }
  used.add(handle.toLowerCase());
  return handle;
}

/** A Berlin landline (030 and 7 digits, the first 2–9), different for every slot below 8 million. */
export function berlinPhone(seed: number, slot: number): Phone {
  const digits = String(2_000_000 + ((permute32(slot, hash32(seed, 0x9401)) >>> 0) % 8_000_000));
  return {
    e164: `+4930${digits}`,
    international: `+49 30 ${digits}`,
    national: `030 ${digits}`,
    dashed: `(030) ${digits.slice(0, 3)}-${digits.slice(3)}`,
  };
}

/** A numeric account id as Twitter writes them; a bijection of `slot`, so ids never collide. */
export function twitterAccountId(seed: number, slot: number): string {
  return String(100_000_000 + permute32(slot, hash32(seed, 0x7417)));
}

/** A 21-digit Google account (gaia) id; unique per slot. */
export function gaiaId(seed: number, slot: number): string {
  const unique = String(permute32(slot, hash32(seed, 0x6a1a))).padStart(10, '0');
  return `1${unique}${String(hash32(seed, slot)).padStart(10, '0')}`;
}

/** Lower-case hex of `count` 32-bit hashes of (seed, salt): ids, folder suffixes, archive names. */
export function hexId(seed: number, salt: number, count = 1): string {
  let out = '';
  for (let i = 0; i < count; i++) out += hash32(hash32(seed, salt), i).toString(16).padStart(8, '0');
  return out;
}

/** A decimal id of `digits` digits from (seed, salt), never starting with 0. */
export function decimalId(seed: number, salt: number, digits: number): string {
  let out = '';
  for (let i = 0; out.length < digits; i++) out += String(hash32(hash32(seed, salt), i)).padStart(10, '0');
  return `${1 + (hash32(seed, salt) % 9)}${out.slice(0, digits - 1)}`;
}
