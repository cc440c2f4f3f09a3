// SPDX-License-Identifier: Apache-2.0
#include "store/postgres.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "store/dialect.h"

namespace dateline::store {
namespace {

// SQLSTATE classes to our error codes: a lost connection or a full disk is I/O, a database
// that does not exist is not found, corruption is data loss, the rest (constraints, syntax,
// serialization failures) a database error.
ErrorCode code_for_sqlstate(const char* state) {
  if (state == nullptr) return ErrorCode::kIo;  // no result at all: the connection failed
  const std::string_view s(state);
  if (s.substr(0, 2) == "08" || s.substr(0, 2) == "53") return ErrorCode::kIo;
  if (s == "3D000") return ErrorCode::kNotFound;
  if (s == "XX001" || s == "XX002") return ErrorCode::kDataLoss;
  return ErrorCode::kDatabase;
}

void ignore_notice(void* /*arg*/, const char* /*message*/) {}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

}  // namespace

std::string printable_url(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

bool is_postgres_url(std::string_view path) {
  return path.rfind("postgresql://", 0) == 0 || path.rfind("postgres://", 0) == 0;
}

Status pg_error(PGconn* conn, const PGresult* result, std::string_view sql) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return Status(code_for_sqlstate(state),
                message + " (in: " + std::string(sql.substr(0, 160)) + ")");
}

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return Status(ErrorCode::kIo, printable_url(url) + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn);
    const bool missing = message.find("does not exist") != std::string::npos;
    return Status(missing ? ErrorCode::kNotFound : ErrorCode::kIo,
                  printable_url(url) + ": cannot connect: " + message);
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::exec(std::string_view sqlite_sql) {
  const PostgresSql pg = to_postgres(sqlite_sql);
  PGresult* r = PQexec(conn_, pg.sql.c_str());
  const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  Status s = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
                 ? ok_status()
                 : pg_error(conn_, r, pg.sql);
  PQclear(r);
  return s;
}

Result<std::string> PgConnection::prepared(const std::string& sql, const std::vector<Oid>& types) {
  std::string key = sql;
  key += '\0';
  key.append(reinterpret_cast<const char*>(types.data()), types.size() * sizeof(Oid));
  auto it = prepared_.find(key);
  if (it != prepared_.end()) return it->second;
  std::string name = "dl" + std::to_string(prepared_.size() + 1);
  PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(types.size()),
                          types.data());
  const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
  Status s = ok ? ok_status() : pg_error(conn_, r, sql);
  PQclear(r);
  DL_RETURN_IF_ERROR(s);
  prepared_.emplace(std::move(key), name);
  return name;
}

PgStatement::PgStatement(PgConnection* conn, std::string sql, int parameters)
    : conn_(conn),
      sql_(std::move(sql)),
      values_(static_cast<size_t>(parameters)),
      types_(static_cast<size_t>(parameters), kUnknown) {}

PgStatement::~PgStatement() { PQclear(result_); }

void PgStatement::set(int i, std::string value, Oid type) {
  if (i < 1) return;
  const auto at = static_cast<size_t>(i - 1);
  if (at >= values_.size()) {
    values_.resize(at + 1);
    types_.resize(at + 1, kUnknown);
  }
  values_[at] = std::move(value);
  types_[at] = type;
}

void PgStatement::bind_real(int i, double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest exact form
  set(i, ec == std::errc() ? std::string(buf, end) : std::string("NaN"), kFloat8);
}

void PgStatement::bind_null(int i) {
  set(i, std::string(), kUnknown);
  values_[static_cast<size_t>(i - 1)].reset();
}

Result<bool> PgStatement::step() {
  bytes_.clear();
  if (result_ == nullptr) {
    DL_ASSIGN_OR_RETURN(std::string name, conn_->prepared(sql_, types_));
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size()), formats(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      if (!values_[i]) continue;
      values[i] = values_[i]->data();
      lengths[i] = static_cast<int>(values_[i]->size());
      formats[i] = types_[i] == kBytea ? 1 : 0;
    }
    result_ = PQexecPrepared(conn_->get(), name.c_str(), static_cast<int>(values.size()),
                             values.data(), lengths.data(), formats.data(), 0);
    const ExecStatusType status = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      Status s = pg_error(conn_->get(), result_, sql_);
      PQclear(result_);
      result_ = nullptr;
      return s;
    }
    if (sql_.rfind("INSERT ", 0) == 0 && PQntuples(result_) > 0 && PQnfields(result_) > 0) {
      conn_->last_insert_id = std::strtoll(PQgetvalue(result_, 0, 0), nullptr, 10);
    }
    row_ = -1;
  }
  ++row_;
  return row_ < PQntuples(result_);
}

void PgStatement::reset() {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  bytes_.clear();
  for (auto& v : values_) v.reset();
  for (Oid& t : types_) t = kUnknown;
}

int64_t PgStatement::int64(int col) const {
  if (is_null(col)) return 0;
  const char* v = PQgetvalue(result_, row_, col);
  if (v[0] == 't') return 1;  // a boolean
  if (v[0] == 'f') return 0;
  return std::strtoll(v, nullptr, 10);
}

double PgStatement::real(int col) const {
  if (is_null(col)) return 0;
  return std::strtod(PQgetvalue(result_, row_, col), nullptr);
}

bool PgStatement::is_null(int col) const {
  return result_ == nullptr || row_ < 0 || PQgetisnull(result_, row_, col) != 0;
}

std::string_view PgStatement::view(int col) const {
  if (is_null(col)) return {};
  const char* v = PQgetvalue(result_, row_, col);
  const auto n = static_cast<size_t>(PQgetlength(result_, row_, col));
  if (PQftype(result_, col) != kBytea) return {v, n};
  // bytea in text form: "\x" and two hex digits a byte.
  auto [it, fresh] = bytes_.try_emplace(col);
  if (fresh && n >= 2) {
    for (size_t i = 2; i + 1 < n; i += 2) {
      it->second += static_cast<char>(hex_value(v[i]) * 16 + hex_value(v[i + 1]));
    }
  }
  return it->second;
}

}  // namespace dateline::store
