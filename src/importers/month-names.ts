/** English month abbreviations (as in mail, Twitter and LinkedIn dates), lower-cased → month index 0–11. */
export const MONTH_INDEX: Readonly<Record<string, number>> = Object.freeze({
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
});
