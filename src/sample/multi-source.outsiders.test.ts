import { readFile } from 'node:fs/promises';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedPerson } from './multi-source.generator.js';
import {
  contactCards,
  type Life,
  leaves,
  makeLife,
  unGarble,
  ytdItems,
} from './multi-source.test-support.js';
import { csvRecords } from './read-export.test-support.js';

let life: Life;
let cast: ExpectedPerson[];
let owner: ExpectedPerson;
beforeAll(async () => {
  life = await makeLife();
  ({ cast, owner } = life.result);
});
afterAll(() => life.cleanup());

const values = (pick: (p: ExpectedPerson) => string[]) => [owner, ...cast].flatMap(pick);
const one = (v: string | undefined) => (v === undefined ? [] : [v]);

describe('no one outside the cast', () => {
  it('every account in the files belongs to the cast or the owner', async () => {
    const twitter = await life.zip('twitter');
    const ids = new Set(values((p) => one(p.twitterId)));
    for (const name of ['follower', 'following', 'direct-messages', 'direct-messages-group']) {
      const found = leaves(ytdItems(twitter.get(`data/${name}.js`))).filter(
        (v) => typeof v === 'string' && /^\d{9,10}$/.test(v),
      );
      for (const id of found) expect(ids).toContain(id);
    }
    const facebook = [...(await life.zip('facebook'))]
      .filter(([name]) => !name.startsWith('personal_information/'))
      .map(([, text]) => text)
      .join('');
    const names = new Set(values((p) => one(p.facebookName)));
    for (const m of facebook.matchAll(/"(?:name|sender_name|actor)": "([^"]*)"/g))
      expect(names).toContain(unGarble(JSON.parse(`"${m[1]}"`)));
    const skype = JSON.parse(await life.text('skype'));
    const mris = new Set([
      ...values((p) => one(p.skypeId)).map((id) => `8:${id}`),
      ...cast.flatMap((p) => p.phones.map((t) => `4:${t}`)),
    ]);
    for (const c of skype.conversations) for (const m of c.MessageList) expect(mris).toContain(m.from);
    const gaia = new Set(values((p) => one(p.googleId)));
    for (const m of (await life.text('hangouts')).matchAll(/"gaia_id": "(\d+)"/g))
      expect(gaia).toContain(m[1]);
    const ig = await life.zip('instagram');
    const users = new Set(values((p) => one(p.instagramUser)));
    const follows = ['followers_1', 'following']
      .map((f) => ig.get(`connections/followers_and_following/${f}.json`))
      .join('');
    const followed = [...follows.matchAll(/"value": "([^"]*)"|"title": "([^"]+)"/g)].map(
      ([, a, b]) => a ?? b,
    );
    expect(followed.length).toBeGreaterThan(0);
    for (const user of followed) expect(users).toContain(user);
    const shown = new Set([
      ...values((p) => one(p.whatsappName)),
      ...cast.flatMap((p) => p.phones.map((t) => parsePhoneNumberFromString(t)?.formatInternational())),
      'Berlin crew 🍻',
    ]);
    const chats = (await Promise.all(life.paths('whatsapp').map((p) => readFile(p, 'utf8')))).join('');
    const senders = chats.matchAll(
      /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} - ([^:\n]+): |^\u200e?\[[^\]]+\] ([^:]+): /gm,
    );
    const authors = [...senders].map(([, a, b]) => a ?? b);
    expect(new Set(authors).size).toBeGreaterThanOrEqual(5);
    for (const author of authors) expect(shown).toContain(author);
    const emails = new Set(values((p) => p.emails));
    for (const m of (await life.text('calendar')).matchAll(/mailto:([^\s\r]+)/gi))
      expect(emails).toContain(m[1]);
    for (const card of contactCards(await life.text('vcard')))
      for (const e of card.emails) expect(emails).toContain(e);
    for (const row of csvRecords(await life.text('csv'))) expect(emails).toContain(row.Email);
    const bulk = /@(groups\.example\.com|revopsguild\.example|news\.saasweekly\.example)$/;
    const unfolded = (await life.text('email')).replace(/\r\n[ \t]+/g, ' ');
    for (const [, value] of unfolded.matchAll(/^(?:From|To|Cc): (.*)\r$/gm))
      for (const [, address] of (value ?? '').matchAll(/<([^>]+)>/g))
        if (!bulk.test(address ?? '')) expect(emails).toContain(address);
  });
});

describe('no one missing', () => {
  it('every identity the cast lists is written in some file', async () => {
    const linkedin = [...(await life.zip('linkedin')).values()].join('');
    const zips = await Promise.all(
      ['twitter', 'facebook', 'instagram'].map(async (s) => [...(await life.zip(s)).values()].join('')),
    );
    const texts = await Promise.all(
      ['skype', 'hangouts', 'email', 'calendar', 'vcard', 'csv'].map((s) => life.text(s)),
    );
    const chats = await Promise.all(life.paths('whatsapp').map((p) => readFile(p, 'utf8')));
    const all = [linkedin, ...zips.map(unGarbleJson), ...texts, ...chats].join('\n');
    for (const p of cast) {
      const ids = [
        ...p.emails,
        ...p.phones.map((t) => parsePhoneNumberFromString(t)?.formatInternational() ?? t),
        ...[p.linkedinSlug, p.twitterId, p.twitterHandle, p.facebookName, p.instagramUser].flatMap(one),
        ...[p.skypeId, p.googleId, p.whatsappName].flatMap(one),
      ];
      for (const id of ids) expect(all, `${p.key} ${id}`).toContain(id);
    }
  });
});

/** Meta's JSON with its \u00XX escapes read back into the text they stand for. */
function unGarbleJson(text: string): string {
  return text.replace(/(?:\\u00[0-9a-f]{2})+/g, (run) => unGarble(JSON.parse(`"${run}"`)));
}
