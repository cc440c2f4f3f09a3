// SPDX-License-Identifier: Apache-2.0
#pragma once
// The PostgreSQL side of store::Db and store::Stmt (db.h), over libpq. A statement is
// rewritten from the store's SQL (dialect.h), prepared on the server the first time it runs
// with a given set of parameter types, and the prepared statement is reused by name for the
// life of the connection. Parameters go as text (integers, reals) or binary (blobs); results
// come back as text and are converted on reading.
//
// Not thread-safe: one connection, used from one thread, like the SQLite side.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

// libpq's handles, declared as libpq-fe.h does, so that the store's headers do not need
// libpq's include path (postgres.cc includes the real header).
typedef struct pg_conn PGconn;      // NOLINT(modernize-use-using): must match libpq-fe.h
typedef struct pg_result PGresult;  // NOLINT(modernize-use-using)
typedef unsigned int Oid;           // NOLINT(modernize-use-using)

namespace dateline::store {

/// True for a `postgresql://` or `postgres://` URL (what StoreOptions::path names).
bool is_postgres_url(std::string_view path);

/// `url` as it may be printed: a password in it is replaced by "***".
std::string printable_url(const std::string& url);

/// One libpq connection and the statements prepared on it.
class PgConnection {
 public:
  /// Connects to `url`; the error names the URL without its password.
  static Result<std::unique_ptr<PgConnection>> connect(const std::string& url);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  /// Runs one or more statements in the store's SQL that return no rows we need.
  Status exec(std::string_view sqlite_sql);
  /// The name of `sql` (already rewritten) prepared with `types`; prepares it on first use.
  Result<std::string> prepared(const std::string& sql, const std::vector<Oid>& types);
  PGconn* get() const { return conn_; }

  int64_t last_insert_id = 0;  ///< the key the last INSERT ... RETURNING gave

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  PGconn* conn_ = nullptr;
  std::map<std::string, std::string> prepared_;  // sql + types -> statement name
};

/// A Status for a failed PGresult (or a NULL one: the connection's error), naming `sql`.
Status pg_error(PGconn* conn, const PGresult* result, std::string_view sql);

/// One statement of a PgConnection: its bound parameters and, after step(), its result.
class PgStatement {
 public:
  PgStatement(PgConnection* conn, std::string sql, int parameters);
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;
  ~PgStatement();

  void bind_text(int i, std::string_view v) { set(i, std::string(v), kText); }
  void bind_int(int i, int64_t v) { set(i, std::to_string(v), kInt8); }
  void bind_real(int i, double v);
  void bind_blob(int i, std::string_view v) { set(i, std::string(v), kBytea); }
  void bind_null(int i);

  /// Runs the statement on the first call, then moves through its rows.
  Result<bool> step();
  void reset();

  int64_t int64(int col) const;
  double real(int col) const;
  bool is_null(int col) const;
  std::string_view view(int col) const;  ///< valid until the next step

  static constexpr Oid kInt8 = 20, kText = 25, kFloat8 = 701, kBytea = 17, kUnknown = 0;

 private:
  void set(int i, std::string value, Oid type);
  PgConnection* conn_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  mutable std::map<int, std::string> bytes_;  // bytea columns of the current row, decoded
};

}  // namespace dateline::store
