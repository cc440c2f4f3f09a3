// SPDX-License-Identifier: Apache-2.0
#pragma once
// A thin RAII layer over a database connection: SQLite (the C API) or PostgreSQL (libpq,
// store/postgres.h), prepared statements with typed bind/column helpers, and errors turned
// into Status values that name the SQL. The store's SQL is written once, in SQLite's
// dialect; a PostgreSQL connection rewrites it (store/dialect.h). Each backend is a branch
// in these few functions rather than a virtual interface: the SQLite path stays a direct call.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dateline/status.h"
#include "store/postgres.h"

namespace dateline::store {

enum class Backend { kSqlite, kPostgres };

/// Owns one prepared statement. Movable; finalized on destruction.
class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  explicit Stmt(std::unique_ptr<PgStatement> pg) : pg_(std::move(pg)) {}
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_), pg_(std::move(o.pg_)) {
    o.stmt_ = nullptr;
  }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Binds by 1-based position. Strings are copied by SQLite (SQLITE_TRANSIENT).
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, bool v) { return bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Stmt& bind(int i, double v);
  Stmt& bind_blob(int i, std::string_view v);
  Stmt& bind_null(int i);
  /// NULL when empty: optional text columns.
  Stmt& bind_opt(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }

  /// Advances: Result true when a row is available, false when done.
  Result<bool> step();
  /// Steps a statement that returns no rows, then resets it for reuse.
  Status run();
  void reset();

  int64_t int64(int col) const { return pg_ ? pg_->int64(col) : sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return pg_ ? pg_->real(col) : sqlite3_column_double(stmt_, col); }
  bool is_null(int col) const {
    return pg_ ? pg_->is_null(col) : sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  std::string text(int col) const;
  std::string_view view(int col) const;  ///< valid until the next step

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::unique_ptr<PgStatement> pg_;  // set instead of stmt_ on a PostgreSQL connection
};

/// Owns one connection.
class Db {
 public:
  Db() = default;
  explicit Db(sqlite3* db) : db_(db) {}
  explicit Db(std::unique_ptr<PgConnection> pg) : pg_(std::move(pg)) {}
  Db(Db&& o) noexcept : db_(o.db_), pg_(std::move(o.pg_)) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  Backend backend() const { return pg_ ? Backend::kPostgres : Backend::kSqlite; }
  sqlite3* get() const { return db_; }
  Result<Stmt> prepare(std::string_view sql) const;
  /// Runs one or more statements that return no rows.
  Status exec(const char* sql) const;
  /// The single integer of a one-row, one-column query.
  Result<int64_t> query_int(std::string_view sql) const;
  /// The key of the last row inserted (PostgreSQL: what the INSERT's RETURNING gave).
  int64_t last_insert_rowid() const {
    return pg_ ? pg_->last_insert_id : sqlite3_last_insert_rowid(db_);
  }
  /// A Status for the connection's last error, with `what` (usually the SQL) as context.
  Status last_error(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<PgConnection> pg_;  // set instead of db_ for a PostgreSQL store
};

/// Maps an SQLite result code to our error codes: corruption and "not a database" are
/// kDataLoss, a missing file kNotFound, everything else kDatabase.
ErrorCode error_code_for(int sqlite_code);

}  // namespace dateline::store
