import { describe, expect, it } from 'vitest';
import { type Brief, buildBrief } from './brief.js';
import { ALLOWED_TAGS, BRIEF_NOW, briefInput } from './brief.test-support.js';
import { escapeHtml, escapeMarkdown, renderBriefHtml, renderBriefMarkdown } from './brief-render.js';
import { DAY_MS } from './duration.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const QUOTES = `" onmouseover="alert(1)" x='y'`;
const MD_LINK = '[click](javascript:alert(1))';

/** A brief where every text that can come from an import or the user carries an attack. */
function hostileBrief(): Brief {
  const input = briefInput();
  return buildBrief({
    ...input,
    person: {
      ...input.person,
      name: `${SCRIPT} ${MD_LINK}`,
      title: IMG,
      company: QUOTES,
      location: '# Heading\n- item',
    },
    identities: [
      { network: 'linkedin', handle: null, profileUrl: 'https://evil.example/"><script>alert(1)</script>' },
      { network: 'twitter', handle: `${IMG}`, profileUrl: 'javascript:alert(1)' },
      { network: 'facebook', handle: null, profileUrl: 'JAVASCRIPT:alert(1)' },
      { network: '<b>net</b>', handle: 'h', profileUrl: 'data:text/html,<script>alert(1)</script>' },
    ],
    snippets: [
      { at: BRIEF_NOW - DAY_MS, text: `${SCRIPT} ${IMG} ${QUOTES} ${MD_LINK} <svg/onload=alert(1)>` },
    ],
    sharedContacts: [{ id: 2, name: `${IMG}`, company: SCRIPT, shared: 2, lastSharedAt: BRIEF_NOW - DAY_MS }],
    colleagues: [{ id: 3, name: MD_LINK, company: QUOTES }],
    openDeals: [
      {
        id: 1,
        title: '<svg onload=alert(1)>',
        stage: QUOTES,
        value: 5,
        currency: '<b>',
        openedAt: BRIEF_NOW,
      },
    ],
    plans: [
      {
        id: 1,
        kind: SCRIPT,
        status: 'done',
        startsAt: BRIEF_NOW - DAY_MS,
        outcome: `${IMG}\n\n# big`,
        updatedAt: BRIEF_NOW,
        interactionId: null,
      },
      {
        id: 2,
        kind: 'coffee',
        status: 'scheduled',
        startsAt: BRIEF_NOW + DAY_MS,
        outcome: null,
        updatedAt: BRIEF_NOW,
        interactionId: null,
      },
    ],
    notes: [
      {
        interactionId: 9,
        at: BRIEF_NOW - 2 * DAY_MS,
        channel: 'in_person',
        activity: SCRIPT,
        text: `1. ${MD_LINK} </li><li>x & y`,
      },
    ],
  });
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter and flattens control characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('a\nb\u0000c')).toBe('a b c');
  });
});

describe('escapeMarkdown', () => {
  it('keeps a link-shaped name from becoming a link, and markup from becoming markup', () => {
    expect(escapeMarkdown(MD_LINK)).toBe('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('*bold* _it_ `code` <b> # h | ~x~ &amp; !')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\<b\\> \\# h \\| \\~x\\~ \\&amp; \\!',
    );
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('line\n# heading')).toBe('line \\# heading');
  });
});

describe('renderBriefHtml', () => {
  const page = renderBriefHtml(hostileBrief());

  it('is a standalone page for phones and print, light and dark', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('prefers-color-scheme:dark');
    expect(page).toContain('@media print');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    expect(page).not.toMatch(/<link|<script|src=["']?http/i);
  });

  it('renders every hostile text inert: only its own tags, no event handlers, no script', () => {
    const tags = [...page.matchAll(/<\/?([!a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    for (const tag of page.match(/<[^>]*>/g) ?? []) {
      expect(tag).not.toMatch(/\son\w+\s*=/i);
      expect(tag).not.toMatch(/javascript:|data:/i);
    }
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&quot; onmouseover=&quot;alert(1)&quot; x=&#39;y&#39;');
    expect(page).toContain('&lt;svg onload=alert(1)&gt;');
    expect(page).toContain('x &amp; y');
  });

  it('links only http(s) profile URLs, escaped, with rel="noopener noreferrer"', () => {
    const links = page.match(/<a [^>]*>/g) ?? [];
    expect(links).toEqual([
      '<a href="https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E" rel="noopener noreferrer">',
    ]);
  });
});

describe('renderBriefMarkdown', () => {
  const md = renderBriefMarkdown(hostileBrief());

  it('makes no link but the http(s) profile and no raw HTML', () => {
    const links = [...md.matchAll(/(?<!\\)\[((?:[^\]\\]|\\.)*)(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[2]);
    expect(links).toEqual(['https://evil.example/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E']);
    expect(md).not.toMatch(/(?<!\\)</);
    expect(md).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\)');
  });

  it('lets no imported text start a heading or a list item', () => {
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# \\<script\\>alert\\(1\\)\\</script\\> \\[click\\]\\(javascript:alert\\(1\\)\\)',
      '## How you know them',
      '## Last real conversation',
      '## Relationship',
      '## Topics',
      '## People you both know',
      '## Open deals',
      '## Plans',
      '## Notes from last time',
    ]);
    expect(md).toContain('\\# Heading - item');
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\> \\# big');
  });
});

describe('rendering an ordinary brief', () => {
  const brief = buildBrief(
    briefInput({
      lastRealTouch: {
        at: BRIEF_NOW - 21 * DAY_MS,
        channel: 'in_person',
        network: 'manual',
        activity: 'coffee',
      },
      sharedContacts: [
        {
          id: 2,
          name: 'Grace Hopper',
          company: 'Navy Labs',
          shared: 3,
          lastSharedAt: BRIEF_NOW - 14 * DAY_MS,
        },
      ],
      openDeals: [
        {
          id: 1,
          title: 'Pilot licence',
          stage: 'proposal',
          value: 12000,
          currency: 'EUR',
          openedAt: Date.UTC(2026, 9, 1),
        },
      ],
      notes: [
        {
          interactionId: 1,
          at: BRIEF_NOW - 21 * DAY_MS,
          channel: 'in_person',
          activity: 'coffee',
          text: 'Pilot scope',
        },
      ],
    }),
  );

  it('reads as one page of Markdown', () => {
    const md = renderBriefMarkdown(brief);
    expect(md).toContain('# Ada Lovelace\n\nCTO · Analytical Engines · London\n\nprospect · strength');
    expect(md).toContain('stuck online');
    expect(md).toContain('## How you know them\n\nConnected on LinkedIn in March 2024; 12 messages since.');
    expect(md).toContain(
      'Profiles: LinkedIn [linkedin.com/in/ada-lovelace-1a2b](https://www.linkedin.com/in/ada-lovelace-1a2b)',
    );
    expect(md).toContain('## Last real conversation\n\nCoffee, 3 weeks ago, on 8 Nov 2026.');
    expect(md).toContain('- **Grace Hopper**, Navy Labs: 3 group conversations, last 2 weeks ago');
    expect(md).toContain('- **Pilot licence**: proposal, €12,000, open since 1 Oct 2026');
    expect(md).toContain('## Plans\n\nNone.');
    expect(md).toContain('- 8 Nov 2026, coffee: Pilot scope');
    expect(md).toMatch(/## Topics\n\nKubernetes · /);
  });

  it('reads as the same page in HTML', () => {
    const page = renderBriefHtml(brief);
    expect(page).toContain('<h1>Ada Lovelace</h1>');
    expect(page).toContain(
      '<p>Profiles: LinkedIn <a href="https://www.linkedin.com/in/ada-lovelace-1a2b" rel="noopener noreferrer">linkedin.com/in/ada-lovelace-1a2b</a></p>',
    );
    expect(page).toContain(
      '<li><strong>Grace Hopper</strong>, Navy Labs: 3 group conversations, last 2 weeks ago</li>',
    );
    expect(page).toContain('<ul class="topics"><li>Kubernetes</li>');
    expect(page).toContain('<span class="flag">stuck online</span>');
    expect(page).toContain('<section><h2>Plans</h2><p class="muted">None.</p></section>');
  });
});
