/**
 * Entry names inside an export are untrusted labels: never used as paths on disk, only
 * shown and matched. These helpers make them safe to show and uniform to match.
 */

/** Forward slashes, no leading `./` or `/` or drive letter, control characters replaced. */
export function entryLabel(name: string): string {
  let label = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    label += c === 92 ? '/' : c < 32 || c === 127 ? '\uFFFD' : name[i];
  }
  label = label.replace(/^[a-zA-Z]:\//, '');
  while (label.startsWith('./') || label.startsWith('/')) label = label.slice(label.startsWith('/') ? 1 : 2);
  return label;
}

/** Files that archivers add and no export holds (macOS resource forks, Finder and Windows metadata). */
export function isJunk(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (
    path.startsWith('__MACOSX/') || base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini'
  );
}
