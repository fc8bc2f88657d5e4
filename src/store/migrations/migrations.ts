import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../store-dialect.js';
import { initialMigration } from './0001-initial.migration.js';
import { mergesMigration } from './0002-merges.migration.js';
import { lookupIndexesMigration } from './0003-lookup-indexes.migration.js';
import { plansDealsMigration } from './0004-plans-deals.migration.js';
import { peopleListMigration } from './0005-people-list.migration.js';
import { todayOrderMigration } from './0006-today-order.migration.js';
import { participantIdentityMigration } from './0007-participant-identity.migration.js';

/** Every migration in order; names sort by their number. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initialMigration(dialect),
        '0002-merges': mergesMigration(dialect),
        '0003-lookup-indexes': lookupIndexesMigration(),
        '0004-plans-deals': plansDealsMigration(dialect),
        '0005-people-list': peopleListMigration(dialect),
        '0006-today-order': todayOrderMigration(),
        '0007-participant-identity': participantIdentityMigration(dialect),
      };
    },
  };
}
