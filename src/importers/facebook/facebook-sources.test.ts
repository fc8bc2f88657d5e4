import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openExport } from '../export-source.js';
import { collect, ofType, writeTempFolder } from '../fixture-export.test-support.js';
import { facebookImporter } from './facebook.importer.js';
import { export2024, ME } from './facebook-export.test-support.js';

describe('facebookImporter on disk', () => {
  it('reads the same export from a zip and from its folder, peeking at big pages for the owner', async () => {
    const { 'personal_information/profile_information/profile_information.json': _, ...files } = export2024();
    const filler = Array.from({ length: 3000 }, (_, i) => ({
      sender_name: ME,
      timestamp_ms: 1_600_000_000_000 + i,
      content: `note ${i}`,
    }));
    files['your_facebook_activity/messages/inbox/kaibig_30001/message_1.json'] = JSON.stringify({
      participants: [{ name: 'Kai Big' }, { name: ME }],
      messages: filler,
    });
    const zip = new yazl.ZipFile();
    for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
    zip.end();
    const zipPath = join(await mkdtemp(join(tmpdir(), 'rapport-fb-')), 'facebook-zoe.zip');
    await new Promise<void>((resolve, reject) =>
      zip.outputStream.pipe(createWriteStream(zipPath)).on('close', resolve).on('error', reject),
    );
    for (const path of [zipPath, await writeTempFolder(files)]) {
      const source = await openExport(path);
      const records = await collect(facebookImporter.parseBatches!(source));
      await source.close();
      // 2024's 8 (see above) + 3000 notes; the owner is guessed: no profile file.
      expect(
        ['owner', 'contact', 'interaction', 'rejected'].map(
          (type) => ofType(records, type as 'owner').length,
        ),
      ).toEqual([1, 1, 3008, 0]);
    }
  });
});
