/** Test support (not a test): Skype export messages.json files. */

export interface TestSkypeMessage {
  id: string;
  from: string;
  at: string;
  type?: string;
  content?: string;
  displayName?: string | null;
}

/** One conversation of a test export. */
export interface TestConversation {
  id: string;
  displayName: string | null;
  members?: string[];
  messages: TestSkypeMessage[];
}

/** A messages.json as the Skype export writes it (userId first, one conversation per item). */
export function skypeExport(userId: string | undefined, conversations: TestConversation[]): string {
  return JSON.stringify({
    ...(userId === undefined ? {} : { userId }),
    exportDate: '2024-01-31T10:00',
    conversations: conversations.map((c) => ({
      id: c.id,
      displayName: c.displayName,
      version: 1,
      properties: { conversationblocked: false, lastimreceivedtime: null },
      threadProperties: c.members
        ? { membercount: c.members.length, members: JSON.stringify(c.members), topic: 'Team' }
        : null,
      MessageList: c.messages.map((m) => ({
        id: m.id,
        displayName: m.displayName ?? null,
        originalarrivaltime: m.at,
        messagetype: m.type ?? 'RichText',
        version: Number(m.id),
        content: m.content ?? 'hello',
        conversationid: c.id,
        from: m.from,
        properties: null,
        amsreferences: null,
      })),
    })),
  });
}

/** An Event/Call notice's content. */
export function callContent(type: 'started' | 'ended' | 'missed', seconds?: number): string {
  const duration = seconds === undefined ? '' : `<duration>${seconds}</duration>`;
  return `<partlist type="${type}" alt=""><part identity="live:bob"><name>Bob</name>${duration}</part><part identity="live:me"><name>Me</name>${duration}</part></partlist>`;
}
