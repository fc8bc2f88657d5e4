import type { IdentityRef } from '../types.js';
import type { LinkedInOwner, LinkedInPeople } from './linkedin-people.js';

/** One side of a message as the row gives it. */
export interface Party {
  name: string;
  url: string;
}

function splitUrls(urls: string): string[] {
  return urls === '' ? [] : urls.split(/[\s,;]+/).filter((u) => u !== '');
}

/**
 * The recipients of a row: TO holds names joined by ", ", RECIPIENT PROFILE URLS the URLs
 * joined by spaces or commas. Names pair with URLs only when the counts agree; one URL takes
 * the whole TO (a name may hold a comma). Without URLs (2018) the names stand alone.
 */
export function recipients(to: string, urls: string): Party[] {
  const urlList = splitUrls(urls);
  if (urlList.length === 1) return [{ name: to, url: urlList[0]! }];
  const names =
    to.indexOf(',') === -1
      ? to === ''
        ? []
        : [to]
      : to
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== '');
  if (urlList.length === 0) return names.map((name) => ({ name, url: '' }));
  const paired = names.length === urlList.length;
  return urlList.map((url, i) => ({ name: paired ? names[i]! : '', url }));
}

/**
 * The people in a message other than the owner, without repeats: the sender when the owner
 * did not send it, then every recipient that is not the owner.
 */
export function otherParticipants(
  sender: Party | undefined,
  to: string,
  toUrls: string,
  owner: LinkedInOwner,
  people: LinkedInPeople,
): IdentityRef[] {
  const refs: IdentityRef[] = [];
  if (sender !== undefined) {
    const ref = people.ref(sender.name, sender.url);
    if (ref !== undefined) refs.push(ref);
  }
  if (isSingleUrl(toUrls)) {
    // The common case, one recipient: no lists to build.
    if (!owner.isOwner(to, toUrls)) add(refs, people.ref(to, toUrls));
    return refs;
  }
  for (const party of recipients(to, toUrls)) {
    if (!owner.isOwner(party.name, party.url)) add(refs, people.ref(party.name, party.url));
  }
  return refs;
}

function isSingleUrl(urls: string): boolean {
  return urls !== '' && urls.indexOf(' ') === -1 && urls.indexOf(',') === -1 && urls.indexOf('\n') === -1;
}

function add(refs: IdentityRef[], ref: IdentityRef | undefined): void {
  if (ref === undefined) return;
  for (const seen of refs) if (seen.key === ref.key) return;
  refs.push(ref);
}
