import type { Channel } from '../../core/types.js';

/** Hosts of video-meeting links (Meet, Zoom, Teams, Skype, Webex and the like). */
const VIDEO_LINK =
  /(meet\.google\.com|hangouts\.google\.com|zoom\.(us|com)\/|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|join\.skype\.com|meet\.lync\.com|skype:|webex\.com|bluejeans\.com|whereby\.com|meet\.jit\.si|gotomeeting\.com|gotomeet\.me|chime\.aws|facetime\.apple\.com)/i;
/** A LOCATION that names a video service rather than a place. */
const VIDEO_WORDS =
  /^(zoom|zoom meeting|google meet|meet|hangouts?|google hangouts?|(microsoft )?teams( meeting)?|skype( meeting| for business)?|webex( meeting)?|bluejeans|facetime|whereby|video ?call|video ?conference|online meeting)$/i;
/** A LOCATION that names a phone call. */
const CALL_WORDS = /^(phone|phone call|call|telephone|conference call|dial[- ]in|by phone)$/i;
/** A LOCATION that says nothing about where. */
const NOWHERE = /^(tbd|tba|n\/?a|none|-+|\.+|\?+|online|virtual|remote|web|internet)$/i;
/** Only a phone number, perhaps with an extension or PIN. */
const PHONE_ONLY = /^\+?[\d\s().\-/]{6,}((x|ext\.?|,|;|#|pin:?)\s*[\d#*]+)*\s*$/i;
const URL_ONLY = /^(https?:\/\/|www\.)\S+$/i;

/**
 * The channel of a meeting: 'in_person' when LOCATION is a place (a hybrid room-plus-link
 * meeting counts as in person: the room was offered); else 'video' when a video link appears
 * in LOCATION, DESCRIPTION, URL or a conference property, or LOCATION is any URL (an online
 * room is not a place); else 'call' for a dial-in (`tel:`, a phone-number-only location).
 * A meeting that says nothing about how it happens is also a 'call': live, never overstated
 * as video or in person.
 */
export function meetingChannel(location: string, links: readonly string[]): Channel {
  const where = location.replace(/\s+/g, ' ').trim();
  if (isPlace(where)) return 'in_person';
  if (VIDEO_WORDS.test(where) || URL_ONLY.test(where) || [where, ...links].some((t) => VIDEO_LINK.test(t)))
    return 'video';
  return 'call';
}

function isPlace(where: string): boolean {
  return !(
    where === '' ||
    NOWHERE.test(where) ||
    VIDEO_LINK.test(where) ||
    VIDEO_WORDS.test(where) ||
    URL_ONLY.test(where) ||
    CALL_WORDS.test(where) ||
    PHONE_ONLY.test(where) ||
    /^tel:/i.test(where)
  );
}
