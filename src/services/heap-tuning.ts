import { setFlagsFromString } from 'node:v8';

let tuned = false;

/**
 * Turns off V8's allocation-site pretenuring for this process (once; idempotent).
 *
 * Why: an import's hot loops make objects by the thousand that live a few milliseconds (a
 * pending row until its batch is written, a person's evaluation row until its chunk is
 * stored). When a scavenge happens to find nearly all of one such site's recent objects still
 * alive (early in an import, batches are small), V8 decides that site's objects are long-lived
 * and allocates them straight into the old generation from then on, without revisiting the
 * decision. The old generation then fills with garbage until a full collection: measured with
 * --trace-gc and --trace-pretenuring-statistics on the 1,000,000-DM Twitter/X benchmark, the
 * main thread's heap peaked at 165–200 MB instead of ~80 MB, and in one run of five the whole
 * import ran that way, taking peak RSS from ~275 MB to 370–400 MB. Without pretenuring, objects
 * that really are long-lived (the identities an import has seen) are copied once more by the
 * young-generation collector, which costs nothing measurable.
 *
 * The flag is read when V8 allocates, so setting it at run time takes effect for allocation
 * sites that have not been tenured yet; it is set before an import's first records arrive.
 */
export function avoidStickyPretenuring(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
}
