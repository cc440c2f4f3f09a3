// SPDX-License-Identifier: Apache-2.0
#include "store/db.h"

#include <utility>

#include "store/dialect.h"

namespace dateline::store {

ErrorCode error_code_for(int sqlite_code) {
  switch (sqlite_code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::kDataLoss;
    case SQLITE_CANTOPEN:
      return ErrorCode::kNotFound;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ErrorCode::kIo;
    default:
      return ErrorCode::kDatabase;
  }
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = std::exchange(o.stmt_, nullptr);
    pg_ = std::move(o.pg_);
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(int i, std::string_view v) {
  if (pg_) {
    pg_->bind_text(i, v);
    return *this;
  }
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind(int i, int64_t v) {
  if (pg_) {
    pg_->bind_int(i, v);
    return *this;
  }
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind(int i, double v) {
  if (pg_) {
    pg_->bind_real(i, v);
    return *this;
  }
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind_blob(int i, std::string_view v) {
  if (pg_) {
    pg_->bind_blob(i, v);
    return *this;
  }
  sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind_null(int i) {
  if (pg_) {
    pg_->bind_null(i);
    return *this;
  }
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Stmt::step() {
  if (pg_) return pg_->step();
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const char* sql = sqlite3_sql(stmt_);
  Status s(error_code_for(rc), std::string(sqlite3_errmsg(db_)) +
                                   " (in: " + std::string(sql ? sql : "?").substr(0, 160) + ")");
  sqlite3_reset(stmt_);
  return s;
}

Status Stmt::run() {
  Result<bool> r = step();
  if (pg_) {
    pg_->reset();
    return r.status();
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return r.status();
}

void Stmt::reset() {
  if (pg_) {
    pg_->reset();
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Stmt::text(int col) const { return std::string(view(col)); }

std::string_view Stmt::view(int col) const {
  if (pg_) return pg_->view(col);
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt_, col));
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(p, static_cast<size_t>(n)) : std::string_view();
}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(o.db_, nullptr);
    pg_ = std::move(o.pg_);
  }
  return *this;
}

Db::~Db() { sqlite3_close_v2(db_); }

Result<Stmt> Db::prepare(std::string_view sql) const {
  if (pg_) {
    // Prepared on the server when it first runs, once its parameter types are known.
    PostgresSql pg = to_postgres(sql);
    return Stmt(std::make_unique<PgStatement>(pg_.get(), std::move(pg.sql), pg.parameters));
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return last_error(sql.substr(0, 160));
  return Stmt(db_, stmt);
}

Status Db::exec(const char* sql) const {
  if (pg_) return pg_->exec(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return ok_status();
  std::string message = std::string(err ? err : sqlite3_errstr(rc)) +
                        " (in: " + std::string(sql).substr(0, 160) + ")";
  sqlite3_free(err);
  return Status(error_code_for(rc), std::move(message));
}

Result<int64_t> Db::query_int(std::string_view sql) const {
  DL_ASSIGN_OR_RETURN(Stmt stmt, prepare(sql));
  DL_ASSIGN_OR_RETURN(bool row, stmt.step());
  if (!row) return Status(ErrorCode::kInternal, "no row from: " + std::string(sql));
  return stmt.int64(0);
}

Status Db::last_error(std::string_view what) const {
  if (pg_) return pg_error(pg_->get(), nullptr, what);
  int rc = sqlite3_extended_errcode(db_);
  return Status(error_code_for(rc),
                std::string(sqlite3_errmsg(db_)) + " (in: " + std::string(what) + ")");
}

}  // namespace dateline::store
