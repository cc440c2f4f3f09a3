// SPDX-License-Identifier: Apache-2.0
#pragma once
// The store's schema as numbered migrations, tracked with PRAGMA user_version.

#include "dateline/status.h"
#include "store/db.h"

namespace dateline::store {

/// The highest migration this code knows: the schema version it reads and writes.
int latest_schema_version();

/// Brings the database up to `target` (latest_schema_version() but in tests of a
/// migration), each migration in its own transaction (so a crash leaves the database at a
/// consistent earlier version).
/// Errors: kDataLoss when the database's user_version is newer than this code knows;
/// nothing is changed then. `path` names the file in messages.
Status migrate(const Db& db, const std::string& path, bool read_only, int target = -1);

}  // namespace dateline::store
