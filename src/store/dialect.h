// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one place where the store's SQL differs between SQLite and PostgreSQL. The store's SQL
// is written once, in SQLite's dialect; a PostgreSQL connection rewrites each statement with
// to_postgres() before preparing it (and caches the prepared statement, so the rewriting is
// paid once per statement text and connection).

#include <string>
#include <string_view>

namespace dateline::store {

/// A statement rewritten for PostgreSQL and the number of parameters it takes.
struct PostgresSql {
  std::string sql;
  int parameters = 0;  ///< the highest $N
};

/// Rewrites one or more statements of the store's SQLite SQL for PostgreSQL:
/// - parameters `?N` become `$N`;
/// - the column named `end` (a reserved word in PostgreSQL) is quoted; the store's SQL writes
///   keywords in upper case (CASE ... END), so a lower-case `end` is always the column;
/// - types: `INTEGER PRIMARY KEY` (SQLite's rowid) becomes a BIGINT identity, BLOB BYTEA,
///   REAL DOUBLE PRECISION; WITHOUT ROWID goes;
/// - an INSERT into a table with an identity key returns that key (`RETURNING`), which
///   Db::last_insert_rowid() reads back;
/// - functions: instr -> strpos; a byte slice of the text (`CAST(substr(CAST(a.text AS BLOB),
///   ...) AS TEXT)`) -> convert_from(substr(convert_to(...))); the FTS5 table and its MATCH
///   -> a tsvector column with a GIN index and `@@ plainto_tsquery('english', ...)`;
/// - `PRAGMA user_version` reads and writes the table dateline_schema;
/// - `BEGIN IMMEDIATE` -> `BEGIN` (the store takes its write lock explicitly, Db::begin_write).
PostgresSql to_postgres(std::string_view sqlite_sql);

}  // namespace dateline::store
