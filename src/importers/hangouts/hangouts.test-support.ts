/** Test support (not a test): Takeout Hangouts.json files, new (`conversations`) and old (`conversation_state`). */

export interface TestEvent {
  id: string;
  sender: string;
  /** Milliseconds; written as Hangouts' microseconds. */
  at: number;
  text?: string;
  hangout?: { type: 'START_HANGOUT' | 'END_HANGOUT'; seconds?: number; audioOnly?: boolean };
  other?: string;
  /** self_event_state.user_id; omitted when undefined. */
  self?: string;
}

/** One conversation of a test dump. */
export interface TestHangout {
  id: string;
  group?: boolean;
  people: Record<string, string>;
  /** self_read_state's participant; omitted when undefined. */
  self?: string;
  events: TestEvent[];
}

const user = (id: string) => ({ gaia_id: id, chat_id: id });

function event(conversation: string, e: TestEvent): Record<string, unknown> {
  const base: Record<string, unknown> = {
    conversation_id: { id: conversation },
    sender_id: user(e.sender),
    timestamp: String(e.at * 1000),
    ...(e.self === undefined
      ? {}
      : { self_event_state: { user_id: user(e.self), notification_level: 'RING' } }),
    event_id: e.id,
  };
  if (e.text !== undefined) {
    const segment = e.text
      .split('\n')
      .flatMap((text, i) => [...(i > 0 ? [{ type: 'LINE_BREAK' }] : []), { type: 'TEXT', text }]);
    return { ...base, chat_message: { message_content: { segment } }, event_type: 'REGULAR_CHAT_MESSAGE' };
  }
  if (e.hangout !== undefined) {
    return {
      ...base,
      hangout_event: {
        event_type: e.hangout.type,
        participant_id: [],
        ...(e.hangout.seconds === undefined ? {} : { hangout_duration_secs: String(e.hangout.seconds) }),
        media_type: e.hangout.audioOnly ? 'AUDIO_ONLY' : 'AUDIO_VIDEO',
      },
      event_type: 'HANGOUT_EVENT',
    };
  }
  return { ...base, membership_change: { type: 'JOIN' }, event_type: e.other ?? 'ADD_USER' };
}

function conversation(c: TestHangout): Record<string, unknown> {
  return {
    id: { id: c.id },
    type: c.group ? 'GROUP' : 'STICKY_ONE_TO_ONE',
    ...(c.self === undefined
      ? {}
      : { self_conversation_state: { self_read_state: { participant_id: user(c.self) } } }),
    participant_data: Object.entries(c.people).map(([id, name]) => ({ id: user(id), fallback_name: name })),
  };
}

/** A Hangouts.json in the current layout, or the older `conversation_state` one. */
export function hangoutsExport(conversations: TestHangout[], old = false): string {
  if (old) {
    return JSON.stringify({
      continuation_end_timestamp: '1',
      conversation_state: conversations.map((c) => ({
        conversation_id: { id: c.id },
        conversation_state: {
          conversation_id: { id: c.id },
          conversation: conversation(c),
          event: c.events.map((e) => event(c.id, e)),
        },
      })),
    });
  }
  return JSON.stringify(
    {
      conversations: conversations.map((c) => ({
        conversation: { conversation_id: { id: c.id }, conversation: conversation(c) },
        events: c.events.map((e) => event(c.id, e)),
      })),
    },
    null,
    2,
  );
}
