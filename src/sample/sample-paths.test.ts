import { describe, expect, it } from 'vitest';
import { sampleExportFileName } from './sample-paths.js';

describe('sampleExportFileName', () => {
  it('names the zip like LinkedIn does, by the UTC day', () => {
    expect(sampleExportFileName(Date.UTC(2026, 0, 5, 23, 59))).toBe(
      'Complete_LinkedInDataExport_01-05-2026.zip',
    );
  });
});
