import { readFile } from 'node:fs/promises';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedPerson } from './multi-source.generator.js';
import {
  type ContactCard,
  contactCards,
  type Life,
  makeLife,
  unGarble,
  ytdItems,
} from './multi-source.test-support.js';
import { csvRecords, type Row } from './read-export.test-support.js';

let life: Life;
let cast: ExpectedPerson[];
let owner: ExpectedPerson;
let connections: Row[];
let cards: ContactCard[];
beforeAll(async () => {
  life = await makeLife();
  ({ cast, owner } = life.result);
  connections = csvRecords((await life.zip('linkedin')).get('Connections.csv') ?? '', 4);
  cards = contactCards(await life.text('vcard'));
});
afterAll(() => life.cleanup());

const everyone = () => [owner, ...cast];
const values = (pick: (p: ExpectedPerson) => string[]) => everyone().flatMap(pick);
const one = (v: string | undefined) => (v === undefined ? [] : [v]);
const slugOf = (url: string) =>
  url
    .replace(/^.*\/in\//, '')
    .replace(/\\/g, '')
    .toLowerCase();
const e164 = (tel: string) => parsePhoneNumberFromString(tel, 'DE')?.number;

describe('the cast', () => {
  it('gives every human a unique key and no identity to two humans', () => {
    expect(new Set(everyone().map((p) => p.key)).size).toBe(cast.length + 1);
    const fields: ((p: ExpectedPerson) => string[])[] = [
      (p) => p.emails,
      (p) => p.phones,
      (p) => one(p.linkedinSlug),
      (p) => one(p.twitterId),
      (p) => one(p.twitterHandle?.toLowerCase()),
      (p) => one(p.facebookName?.toLowerCase()),
      (p) => one(p.instagramUser),
      (p) => one(p.skypeId),
      (p) => one(p.googleId),
      (p) => one(p.whatsappName?.toLowerCase()),
    ];
    for (const field of fields) expect(new Set(values(field)).size).toBe(values(field).length);
    for (const p of cast)
      for (const phone of p.phones) expect(parsePhoneNumberFromString(phone)?.isValid()).toBe(true);
  });

  it('holds a decoy: a Facebook friend with a LinkedIn connection’s name, another human', () => {
    const onFacebook = cast.filter((p) => p.facebookName && !p.linkedinSlug && !p.nameOnly);
    const decoys = onFacebook.filter((f) =>
      cast.some((l) => l !== f && l.linkedinSlug && l.displayName === f.displayName),
    );
    expect(decoys).toHaveLength(1);
  });
});

describe('the owner', () => {
  it('appears in every source', async () => {
    const profile = csvRecords((await life.zip('linkedin')).get('Profile.csv') ?? '')[0];
    expect(`${profile?.['First Name']} ${profile?.['Last Name']}`).toBe(owner.displayName);
    const twitter = await life.zip('twitter');
    expect(JSON.stringify(ytdItems(twitter.get('data/account.js')))).toContain(
      `"accountId":"${owner.twitterId}"`,
    );
    const facebook = await life.zip('facebook');
    expect(facebook.get('personal_information/profile_information/profile_information.json')).toContain(
      owner.displayName,
    );
    const instagram = await life.zip('instagram');
    expect(instagram.get('personal_information/personal_information/personal_information.json')).toContain(
      owner.instagramUser,
    );
    expect(JSON.parse(await life.text('skype')).userId).toBe(owner.skypeId);
    expect(await life.text('hangouts')).toContain(`"gaia_id": "${owner.googleId}"`);
    for (const path of life.paths('whatsapp'))
      expect(await readFile(path, 'utf8')).toContain(`${owner.whatsappName}: `);
    expect(await life.text('email')).toContain(`From: ${owner.displayName} <${owner.emails[0]}>`);
    expect(await life.text('calendar')).toContain(`X-WR-CALNAME:${owner.emails[0]}`);
    expect(cards[0]?.fn).toBe(owner.displayName);
    expect(await life.text('csv')).toContain(owner.emails[0]);
  });
});

describe('certain cross-links', () => {
  it('the same address in mail, calendar and contacts', async () => {
    const [mail, calendar] = [await life.text('email'), await life.text('calendar')];
    const everywhere = cast.filter((p) =>
      p.emails.some(
        (e) =>
          mail.includes(`<${e}>`) && calendar.includes(`:${e}`) && cards.some((c) => c.emails.includes(e)),
      ),
    );
    expect(everywhere.length).toBeGreaterThanOrEqual(4);
  });

  it('each contact card names one human: its emails, phone and LinkedIn URL are theirs', () => {
    const urls = new Set(connections.map((c) => slugOf(c.URL ?? '')));
    for (const card of cards.slice(1)) {
      const owners = cast.filter((p) => card.emails.some((e) => p.emails.includes(e)));
      expect(owners).toHaveLength(1);
      const [person] = owners as [ExpectedPerson];
      for (const tel of card.tels) expect(person.phones).toContain(e164(tel));
      for (const url of card.urls) {
        expect(slugOf(url)).toBe(person.linkedinSlug);
        expect(urls.has(slugOf(url))).toBe(true);
      }
    }
  });

  it('one phone, spelled three ways in the contacts, shown international in WhatsApp', async () => {
    const tels = cards.flatMap((c) => c.tels);
    expect(tels.some((t) => /^0\d{2} \d+$/.test(t))).toBe(true);
    expect(tels.some((t) => /^\(0\d{2}\) \d{3}-\d+$/.test(t))).toBe(true);
    expect(tels.some((t) => /^\+49 \d{2} \d+$/.test(t))).toBe(true);
    const chats = (await Promise.all(life.paths('whatsapp').map((p) => readFile(p, 'utf8')))).join('');
    const phoned = cast.filter((p) => p.phones.length > 0);
    expect(phoned.length).toBeGreaterThanOrEqual(3);
    for (const p of phoned) {
      expect(tels.map(e164)).toContain(p.phones[0]);
      expect(chats).toContain(` ${parsePhoneNumberFromString(p.phones[0] ?? '')?.formatInternational()}: `);
    }
  });

  it('a LinkedIn email that the person also writes from', async () => {
    const mail = await life.text('email');
    const shown = connections.filter((c) => c['Email Address']).map((c) => c['Email Address'] ?? '');
    for (const email of shown) expect(cast.filter((p) => p.emails.includes(email))).toHaveLength(1);
    expect(shown.some((e) => mail.includes(`<${e}>`))).toBe(shown.length > 0);
  });
});

describe('likely duplicates (name only)', () => {
  it('are flagged, and the name really is on both sides', async () => {
    const friends = JSON.parse(
      (await life.zip('facebook')).get('connections/friends/your_friends.json') ?? '',
    );
    const friendNames = friends.friends_v2.map((f: { name: string }) => unGarble(f.name));
    const hangouts = await life.text('hangouts');
    const flagged = cast.filter((p) => p.nameOnly);
    expect(flagged.flatMap((p) => p.nameOnly).sort()).toEqual([
      'facebookName',
      'facebookName',
      'googleId',
      'linkedinSlug',
    ]);
    for (const p of flagged) {
      const row = connections.find((c) => slugOf(c.URL ?? '') === p.linkedinSlug);
      expect(`${row?.['First Name']} ${row?.['Last Name']}`).toBe(p.displayName);
      if (p.nameOnly?.includes('facebookName')) expect(friendNames).toContain(p.displayName);
      if (p.nameOnly?.includes('googleId')) expect(hangouts).toContain(`"fallback_name": "${p.displayName}"`);
      if (p.nameOnly?.includes('linkedinSlug')) {
        const card = cards.find((c) => c.fn === p.displayName);
        expect(card?.urls).toEqual([]);
        expect(card?.org).toBe(row?.Company);
      }
    }
  });
});
