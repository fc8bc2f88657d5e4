/**
 * What the sample book added, kept in the settings table: its import, and the diary of meetings
 * logged by hand on top of it. Undoing the sample's import removes the diary too, so none of the
 * fictional people stay behind for their meetings.
 */
export const SAMPLE_KEY = 'sample';

export interface SampleRecord {
  importId: number;
  /** The hand-logged interactions of the sample's diary. */
  diary: number[];
}
