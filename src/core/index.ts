export { DEFAULT_SCORE_CONFIG, mergeConfig, type ScoreConfigOverride, validateConfig } from './config.js';
export { ago, DAY_MS, daysBetween, humanizeDuration, plural } from './duration.js';
export { evaluate } from './evaluate.js';
export { type HistoryFacts, historyFacts } from './facts.js';
export { cadenceOf, cadenceStart, flagsOf, isDormant, isOverdue, isStuckOnline } from './flags.js';
export { buildFeed, buildInvite, type CalendarPerson, type InviteEvent } from './invite.js';
export {
  channelLabel,
  channelNoun,
  isLive,
  isOffline,
  isPlatform,
  isRelational,
  networkLabel,
  relationshipPlural,
  stepLabel,
  tierOf,
  weightOf,
} from './ladder.js';
export { CHATTY_INBOUND_MESSAGES, nextStepFor, STEP_MINUTES } from './next-step.js';
export { describeChannels, describeTouches, reasonFor } from './reason.js';
export {
  balanceOf,
  decay,
  lengthFactor,
  scoreHistory,
  touchValue,
} from './score.js';
export { type BusyTime, describeSlot, findSlots, type Slot, type SlotRequest } from './slots.js';
export {
  bucketOf,
  DORMANT_WORTH_REVIVING,
  rankToday,
  STRENGTH_GAP_BAND,
  type TodayBucket,
  type TodayCandidate,
  type TodayItem,
  valueRankOf,
} from './today.js';
export * from './types.js';
export {
  DEFAULT_WORKING_DAYS,
  type LocalParts,
  localToUtc,
  utcToLocalParts,
  type WorkingHours,
} from './working-time.js';
