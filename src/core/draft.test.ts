import { describe, expect, it } from 'vitest';
import { isRapportError } from '../errors.js';
import {
  DEFAULT_TEMPLATES,
  type DraftValues,
  firstNameOf,
  howYouKnow,
  PLACEHOLDERS,
  renderDraft,
  topicQuote,
  validateTemplate,
} from './draft.js';
import { PLAN_KINDS } from './plan-status.js';
import type { Touch } from './types.js';

const values: DraftValues = {
  first_name: 'Ada',
  name: 'Ada Lovelace',
  how_you_know: 'we connected on LinkedIn in March 2024',
  last_topic: 'the pilot with your team',
  slots: '  1. Tue 1 Dec, 10:00–10:45 (Europe/Berlin)\n  2. Wed 2 Dec, 09:00–09:45 (Europe/Berlin)',
  minutes: '45',
  place: 'Café Einstein',
  link: 'https://meet.example.com/morgan',
  phone: '+49 30 1234567',
  kind: 'coffee',
  your_name: 'Morgan Avery',
};

function codeOf(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (isRapportError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe('templates', () => {
  it('ships a valid default for every kind', () => {
    for (const kind of PLAN_KINDS)
      expect(validateTemplate(DEFAULT_TEMPLATES[kind], kind)).toBe(DEFAULT_TEMPLATES[kind]);
  });

  it('refuses an unknown placeholder, naming it, the line and the known ones', () => {
    const error = codeOf(() => validateTemplate('Hi {first_name},\nSee you at {venue}.', 'coffee'));
    expect(error?.code).toBe('input.invalid');
    expect(error?.message).toMatch(/uses \{venue\} on line 2, which Rapport does not know/);
    for (const p of PLACEHOLDERS) expect(error?.message).toContain(`{${p}}`);
  });

  it('refuses an unpaired brace but accepts doubled ones', () => {
    expect(codeOf(() => validateTemplate('Hi {first_name', 'call'))?.message).toMatch(
      /unpaired brace on line 1/,
    );
    expect(validateTemplate('Code: {{x}}', 'call')).toBe('Code: {{x}}');
    expect(codeOf(() => validateTemplate('  ', 'call'))?.message).toMatch(/empty/);
  });
});

describe('renderDraft', () => {
  it('fills every placeholder of the coffee template', () => {
    const draft = renderDraft(DEFAULT_TEMPLATES.coffee, values);
    expect(draft).toMatch(
      /^Hi Ada,\n\nIt has been good to be in touch since we connected on LinkedIn in March 2024\./,
    );
    expect(draft).toContain('Last time we talked about "the pilot with your team"');
    expect(draft).toContain('a 45-minute coffee at Café Einstein?');
    expect(draft).toContain('  1. Tue 1 Dec, 10:00–10:45 (Europe/Berlin)\n  2. Wed 2 Dec');
    expect(draft).toMatch(/Best,\nMorgan Avery$/);
    expect(draft).not.toMatch(/[{}]/);
  });

  it('leaves out the lines whose facts are unknown', () => {
    const draft = renderDraft(DEFAULT_TEMPLATES.call, {
      ...values,
      last_topic: '',
      phone: '',
      your_name: '',
    });
    expect(draft).not.toMatch(/Last time/);
    expect(draft).not.toMatch(/call you on/);
    expect(draft).toMatch(/Best,$/);
    expect(draft).not.toMatch(/\n\n\n/);
  });

  it('keeps imported text plain and on its line', () => {
    const draft = renderDraft('Hi {first_name}! {{literal}}', {
      ...values,
      first_name: 'Ada\n\u0007Injected',
    });
    expect(draft).toBe('Hi Ada Injected! {literal}');
  });
});

describe('topicQuote', () => {
  it('quotes at most eight words and marks the cut', () => {
    expect(topicQuote('Happy to share how the pilot went, and what we learned in Q2.')).toBe(
      'Happy to share how the pilot went, and…',
    );
    expect(topicQuote('Thanks for the intro!')).toBe('Thanks for the intro!');
  });

  it('drops links, control characters and double quotes', () => {
    expect(topicQuote('See "this" https://example.com/x\u0000 now')).toBe("See 'this' now");
    expect(topicQuote(null)).toBe('');
    expect(topicQuote('   ')).toBe('');
  });
});

describe('firstNameOf', () => {
  it('prefers the first name, else the first word of the display name', () => {
    expect(firstNameOf('Ada', 'Ada Lovelace')).toBe('Ada');
    expect(firstNameOf(null, ' Grace Hopper')).toBe('Grace');
    expect(firstNameOf('  ', 'Cher')).toBe('Cher');
  });
});

describe('howYouKnow', () => {
  const touch = (over: Partial<Touch>): Touch => ({
    at: Date.UTC(2025, 4, 10),
    channel: 'message',
    network: 'twitter',
    direction: 'in',
    audience: 'one_to_one',
    length: null,
    ...over,
  });

  it('names the network and month of a connection', () => {
    expect(
      howYouKnow(
        { connectedAt: Date.UTC(2024, 2, 14), networks: ['email', 'linkedin'], touches: [] },
        'Europe/Berlin',
      ),
    ).toBe('we connected on LinkedIn in March 2024');
  });

  it('falls back to the first one-to-one message, then the first email, then the first touch', () => {
    const zone = 'UTC';
    expect(
      howYouKnow(
        {
          connectedAt: null,
          networks: ['twitter'],
          touches: [touch({ at: Date.UTC(2025, 6, 1) }), touch({})],
        },
        zone,
      ),
    ).toBe('we started messaging on Twitter in May 2025');
    expect(
      howYouKnow(
        { connectedAt: null, networks: ['email'], touches: [touch({ channel: 'email', network: 'email' })] },
        zone,
      ),
    ).toBe('we first emailed in May 2025');
    expect(
      howYouKnow(
        {
          connectedAt: null,
          networks: [],
          touches: [touch({ channel: 'comment', audience: 'one_to_many' })],
        },
        zone,
      ),
    ).toBe('we first got in touch in May 2025');
    expect(howYouKnow({ connectedAt: null, networks: [], touches: [] }, zone)).toBe('');
  });

  it('reads the month in the given zone', () => {
    const newYear = Date.UTC(2024, 11, 31, 23, 30);
    expect(howYouKnow({ connectedAt: newYear, networks: ['linkedin'], touches: [] }, 'Europe/Berlin')).toBe(
      'we connected on LinkedIn in January 2025',
    );
  });
});
