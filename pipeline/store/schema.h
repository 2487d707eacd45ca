// The schema of the store and its migrations, in one place. The database's
// PRAGMA user_version is the number of migrations applied; opening a store runs
// the missing ones in one transaction. To change the schema, append a migration
// to the list in schema.cpp; never edit one that has shipped.
#pragma once
#include "store/sqlite.h"

namespace dipmine::store {

// The schema version this build writes.
int current_schema_version();

// Brings `db` to current_schema_version(). Throws dipmine::Error when the
// database is newer than this build ("made by a newer dipmine").
void migrate(Database& db);

}  // namespace dipmine::store
