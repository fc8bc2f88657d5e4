import { type Brief, type BriefProfile, flagLabel } from './brief.js';

/**
 * The brief as Markdown and as a standalone HTML page. Every text in a brief may come from an
 * import or from the user, so every one of them is escaped where it is written; the only links
 * are http(s) profile URLs, and the page forbids scripts outright (Content-Security-Policy).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters and line breaks are what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Imported text on one line: control characters and line breaks become one space. */
function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').trim();
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML elements and quoted attributes: & < > " ' escaped; never throws. */
export function escapeHtml(text: string): string {
  return oneLine(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text that Markdown shows as written: characters that would start markup (emphasis, links,
 * images, headings, HTML, code, tables, entities) are backslash-escaped, and so are list and
 * heading markers at the start; line breaks become spaces. Never throws.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()#+!<>|~&]/g, '\\$&')
    .replace(/^([-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URL usable as a Markdown link target: the characters that would end or break it, percent-encoded. */
function markdownUrl(url: string): string {
  return url.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** HTML that is already safe; everything else put into `html` templates is escaped. */
class SafeHtml {
  constructor(readonly value: string) {}
}

type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function toHtml(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped unless they are SafeHtml themselves. */
function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += toHtml(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

const present = (s: string | null | undefined): s is string => Boolean(s?.trim());

function subtitle(brief: Brief): string[] {
  const p = brief.person;
  return [p.title, p.company, p.location].filter(present);
}

function standing(brief: Brief): string {
  const r = brief.relationship;
  const flags = r.flags.map(flagLabel);
  return [brief.person.relationshipType, `strength ${r.strength} / 100`, ...flags].join(' · ');
}

// Markdown

function mdProfile(p: BriefProfile): string {
  const text = escapeMarkdown(p.text);
  return `${escapeMarkdown(p.network)} ${p.url ? `[${text}](${markdownUrl(p.url)})` : text}`;
}

function mdList(items: readonly string[], empty: string): string[] {
  return items.length > 0 ? items.map((i) => `- ${i}`) : [empty];
}

/** The brief as Markdown, every text escaped; never throws. */
export function renderBriefMarkdown(brief: Brief): string {
  const e = escapeMarkdown;
  const sub = subtitle(brief);
  const lines = [`# ${e(brief.person.name)}`, ''];
  if (sub.length > 0) lines.push(sub.map(e).join(' · '), '');
  lines.push(e(standing(brief)), '');
  lines.push('## How you know them', '', e(brief.howYouKnow));
  if (brief.profiles.length > 0) lines.push('', `Profiles: ${brief.profiles.map(mdProfile).join(' · ')}`);
  lines.push('', '## Last real conversation', '', e(brief.lastTalked.text));
  lines.push(
    '',
    '## Relationship',
    '',
    `- Why: ${e(brief.relationship.reason)}`,
    `- Next step: ${e(brief.relationship.nextStep)}`,
  );
  lines.push(
    '',
    '## Topics',
    '',
    brief.topics.length > 0 ? brief.topics.map(e).join(' · ') : 'No recent one-to-one threads.',
  );
  lines.push(
    '',
    '## People you both know',
    '',
    ...mdList(
      brief.mutual.map((m) => `**${e(m.name)}**${m.company ? `, ${e(m.company)}` : ''}: ${e(m.why)}`),
      'No one found in shared group conversations or at their company.',
    ),
  );
  lines.push(
    '',
    '## Open deals',
    '',
    ...mdList(
      brief.deals.map(
        (d) => `**${e(d.title)}**: ${[d.stage, d.value, d.since].filter(present).map(e).join(', ')}`,
      ),
      'None.',
    ),
  );
  const plans = brief.openPlans.map((p) => `Open: ${e(p.kind)}, ${e(p.when)}`);
  const last = brief.lastDonePlan;
  if (last)
    plans.push(`Last done: ${e(last.kind)}, ${e(last.when)}${last.outcome ? `: ${e(last.outcome)}` : ''}`);
  lines.push('', '## Plans', '', ...mdList(plans, 'None.'));
  lines.push(
    '',
    '## Notes from last time',
    '',
    ...mdList(
      brief.notes.map((n) => `${e(n.date)}, ${e(n.label)}: ${e(n.text)}`),
      'No notes yet.',
    ),
  );
  lines.push('', `_Prepared ${e(brief.date)} by Rapport; times in ${e(brief.timeZone)}._`, '');
  return lines.join('\n');
}

// HTML

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#5c6068;--line:#dde1e6;--chip:#eef2f8;--link:#0b57d0;--warn:#b3261e}
@media (prefers-color-scheme:dark){:root{--bg:#121316;--fg:#e6e6ea;--muted:#a3a7ae;--line:#33373d;--chip:#24272d;--link:#8ab4f8;--warn:#f2b8b5}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;-webkit-text-size-adjust:100%}
main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .2rem}
h2{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:1rem 0 .3rem;padding-top:.55rem;border-top:1px solid var(--line)}
p,ul{margin:.2rem 0}
ul{padding-left:1.1rem}
.muted,footer{color:var(--muted)}
.flag{color:var(--warn);font-weight:600}
.topics{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.35rem}
.topics li{background:var(--chip);border-radius:1rem;padding:.05rem .6rem}
a{color:var(--link)}
footer{margin-top:1rem;font-size:.8rem}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--chip:#eee;--link:#000;--warn:#000}
body{font-size:10pt;line-height:1.3}main{max-width:none;padding:0}h2{margin-top:.5rem}section{break-inside:avoid}
@page{margin:12mm}}
`;

// Defence in depth: even text that escaped escaping could run no script, load nothing, send nothing.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function htmlProfile(p: BriefProfile, i: number): SafeHtml {
  const target = p.url ? html`<a href="${p.url}" rel="noopener noreferrer">${p.text}</a>` : p.text;
  return html`${i > 0 ? ' · ' : ''}${p.network} ${target}`;
}

function htmlList(items: readonly SafeHtml[], empty: string): SafeHtml {
  return items.length > 0 ? html`<ul>${items}</ul>` : html`<p class="muted">${empty}</p>`;
}

function section(title: string, body: HtmlValue): SafeHtml {
  return html`<section><h2>${title}</h2>${body}</section>\n`;
}

/** The brief as a standalone HTML page (inline CSS, phone-sized, printable), every text escaped; never throws. */
export function renderBriefHtml(brief: Brief): string {
  const r = brief.relationship;
  const sub = subtitle(brief);
  const flags = r.flags.map((f) => html` · <span class="flag">${flagLabel(f)}</span>`);
  const last = brief.lastDonePlan;
  const plans = [
    ...brief.openPlans.map((p) => html`<li>Open: ${p.kind}, ${p.when}</li>`),
    ...(last
      ? [html`<li>Last done: ${last.kind}, ${last.when}${last.outcome ? html`: ${last.outcome}` : ''}</li>`]
      : []),
  ];
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>Brief: ${brief.person.name}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<main>
<header>
<h1>${brief.person.name}</h1>
${sub.length > 0 ? html`<p class="muted">${sub.join(' · ')}</p>` : ''}
<p>${brief.person.relationshipType} · strength ${r.strength} / 100${flags}</p>
</header>
${section('How you know them', [
  html`<p>${brief.howYouKnow}</p>`,
  brief.profiles.length > 0 ? html`<p>Profiles: ${brief.profiles.map(htmlProfile)}</p>` : '',
])}${section('Last real conversation', html`<p>${brief.lastTalked.text}</p>`)}${section(
  'Relationship',
  html`<p>Why: ${r.reason}</p><p>Next step: ${r.nextStep}</p>`,
)}${section(
  'Topics',
  brief.topics.length > 0
    ? html`<ul class="topics">${brief.topics.map((t) => html`<li>${t}</li>`)}</ul>`
    : html`<p class="muted">No recent one-to-one threads.</p>`,
)}${section(
  'People you both know',
  htmlList(
    brief.mutual.map(
      (m) => html`<li><strong>${m.name}</strong>${m.company ? html`, ${m.company}` : ''}: ${m.why}</li>`,
    ),
    'No one found in shared group conversations or at their company.',
  ),
)}${section(
  'Open deals',
  htmlList(
    brief.deals.map(
      (d) =>
        html`<li><strong>${d.title}</strong>: ${[d.stage, d.value, d.since].filter(present).join(', ')}</li>`,
    ),
    'None.',
  ),
)}${section('Plans', htmlList(plans, 'None.'))}${section(
  'Notes from last time',
  htmlList(
    brief.notes.map((n) => html`<li>${n.date}, ${n.label}: ${n.text}</li>`),
    'No notes yet.',
  ),
)}<footer>Prepared ${brief.date} by Rapport; times in ${brief.timeZone}.</footer>
</main>
</body>
</html>
`;
  return page.value;
}
