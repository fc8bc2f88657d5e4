import type { ChatLine } from './chat-line.js';

/** Which of the three date numbers is the year, the month and the day. */
export interface DateOrder {
  year: number;
  month: number;
  day: number;
}

/** Candidate orders, in the order a tie is broken: most of the world writes day first. */
const ORDERS: readonly DateOrder[] = [
  { day: 0, month: 1, year: 2 },
  { month: 0, day: 1, year: 2 },
  { year: 0, month: 1, day: 2 },
  { year: 0, day: 1, month: 2 },
  { month: 0, year: 1, day: 2 },
  { day: 0, year: 1, month: 2 },
];

const fullYear = (n: number): number => (n < 100 ? 2000 + n : n);

function fits(order: DateOrder, line: Pick<ChatLine, 'parts' | 'digits'>): boolean {
  const { parts, digits } = line;
  const month = parts[order.month]!;
  const day = parts[order.day]!;
  // A four-digit number is always the year; a year is never written with one digit.
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    digits[order.month]! <= 2 &&
    digits[order.day]! <= 2 &&
    digits[order.year] !== 1 &&
    digits[order.year] !== 3
  );
}

/**
 * Finds the date order of one chat file from all its dates (the phone's locale decides it and
 * the file does not say): the order under which the fewest dates are impossible (a 25 cannot be
 * a month), then the one under which the fewest consecutive dates go back in time (messages are
 * in order), then day-month-year before month-day-year before year-first.
 */
export class DateOrderGuess {
  private readonly impossible = ORDERS.map(() => 0);
  private readonly backwards = ORDERS.map(() => 0);
  private readonly previous: number[] = ORDERS.map(() => Number.NEGATIVE_INFINITY);

  add(line: Pick<ChatLine, 'parts' | 'digits'>): void {
    for (const [i, order] of ORDERS.entries()) {
      if (!fits(order, line)) {
        this.impossible[i]!++;
        continue;
      }
      const p = line.parts;
      const key = fullYear(p[order.year]!) * 10_000 + p[order.month]! * 100 + p[order.day]!;
      if (key < this.previous[i]!) this.backwards[i]!++;
      this.previous[i] = key;
    }
  }

  order(): DateOrder {
    let best = 0;
    for (let i = 1; i < ORDERS.length; i++) {
      const a = this.impossible[i]! - this.impossible[best]!;
      if (a < 0 || (a === 0 && this.backwards[i]! < this.backwards[best]!)) best = i;
    }
    return ORDERS[best]!;
  }
}

/** The UTC time of a header line's wall-clock date and time, or undefined when impossible. */
export function lineTime(line: ChatLine, order: DateOrder): number | undefined {
  const year = fullYear(line.parts[order.year]!);
  const month = line.parts[order.month]!;
  const day = line.parts[order.day]!;
  let hour = line.hour;
  if (line.half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (line.half === 'p' ? 12 : 0);
  }
  if (hour > 23 || line.minute > 59 || line.second > 59 || year < 2000 || year > 2100) return undefined;
  const at = Date.UTC(year, month - 1, day, hour, line.minute, line.second);
  const check = new Date(at);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? at : undefined;
}
