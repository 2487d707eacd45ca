// The schema of the store and its migrations, in one place. The database's
// PRAGMA user_version is the number of migrations applied; opening a store runs
// the missing ones in one transaction. To change the schema, append a migration
// to the list in schema.cpp; never edit one that has shipped.
#pragma once
#include "store/sqlite.h"

namespace dipmine::store {

// The schema version this build writes.
int current_schema_version();

// Brings `db` to current_schema_version(). Throws dipmine::Error naming the
// version problem: negative, newer than this build ("made by a newer
// dipmine"), or a migration that fails (the store is left as it was).
void migrate(Database& db);

// For a read-only connection: throws as migrate() would, and also when the
// schema is older than this build's (it cannot be upgraded read-only).
void check_readable_schema(Database& db);

}  // namespace dipmine::store
