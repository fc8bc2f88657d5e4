/** The two databases Rapport runs on: one SQLite file for a person, PostgreSQL for a team. */
export type Dialect = 'sqlite' | 'postgres';

/** Where the data lives. */
export type StoreLocation = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** A location for messages, with any password in a URL hidden. */
export function describeLocation(location: StoreLocation): string {
  if (location.dialect === 'sqlite') return location.path;
  try {
    const url = new URL(location.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres (unparseable DATABASE_URL)';
  }
}
