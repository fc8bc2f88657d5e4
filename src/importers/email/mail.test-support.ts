/** Test support (not a test): synthetic Gmail Takeout messages and mbox files. */

export interface TestMessage {
  id: string | undefined;
  from: string;
  to: string;
  cc?: string;
  subject?: string;
  /** Date: header; null for none. */
  date?: string | null;
  /** X-Gmail-Labels; null for none. */
  labels?: string | null;
  thread?: string;
  /** Delivered-To; null for none. */
  deliveredTo?: string | null;
  extra?: string[];
  body?: string;
}

/** One message as Gmail Takeout writes it (CRLF), without its From_ line. */
export function gmail(m: TestMessage): string {
  const headers = [
    ...(m.thread === undefined ? [] : [`X-GM-THRID: ${m.thread}`]),
    ...(m.labels === null ? [] : [`X-Gmail-Labels: ${m.labels ?? 'Inbox'}`]),
    ...(m.deliveredTo === null ? [] : [`Delivered-To: ${m.deliveredTo ?? 'me@gmail.com'}`]),
    ...(m.id === undefined ? [] : [`Message-ID: <${m.id}@mail.example>`]),
    ...(m.date === null ? [] : [`Date: ${m.date ?? 'Thu, 16 Jun 2016 15:26:51 -0700'}`]),
    `From: ${m.from}`,
    `To: ${m.to}`,
    ...(m.cc === undefined ? [] : [`Cc: ${m.cc}`]),
    `Subject: ${m.subject ?? 'Hello'}`,
    'MIME-Version: 1.0',
    ...(m.extra ?? []),
  ];
  if (!headers.some((h) => h.startsWith('Content-Type:')))
    headers.push('Content-Type: text/plain; charset=UTF-8');
  return `${headers.join('\r\n')}\r\n\r\n${m.body ?? 'Hi there\r\n'}`;
}

/** Messages joined into an mbox with Gmail's From_ lines (zone before the year). */
export function mbox(messages: readonly string[]): string {
  return messages.map((m, i) => `From 1545${i}@xxx Thu Jun 16 22:26:51 +0000 2016\r\n${m}\r\n`).join('');
}
