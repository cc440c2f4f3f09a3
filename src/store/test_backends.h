// SPDX-License-Identifier: Apache-2.0
#pragma once
// For the store's tests: each parametrized test runs on both backends, SQLite (an in-memory
// database) and PostgreSQL (a fresh schema of the server named by DATELINE_TEST_PG, e.g.
// postgresql://user@/db?host=/tmp/sock; scripts/with-postgres.sh starts one). Without the
// variable the PostgreSQL runs are skipped, saying why, unless DATELINE_REQUIRE_PG is set
// (CI sets it), when they fail instead.

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <string>

#include "dateline/store.h"

namespace dateline::store::testing_backends {

constexpr const char* kSqlite = "sqlite";
constexpr const char* kPostgres = "postgresql";

/// The name a parametrized test is shown under: "sqlite" or "postgresql".
inline std::string backend_name(const ::testing::TestParamInfo<const char*>& info) {
  return info.param;
}

/// The PostgreSQL server's URL, "" when none is given.
inline std::string postgres_url() {
  const char* url = std::getenv("DATELINE_TEST_PG");
  return url ? url : "";
}

/// A URL for a new, empty schema named after the running test (dropped first if a previous
/// run left it), on the server of DATELINE_TEST_PG; "" with a test failure when it fails.
inline std::string fresh_postgres_store(const std::string& tag = "") {
  const std::string base = postgres_url();
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string schema = "t_";
  for (char c : std::string(test->test_suite_name()) + "_" + test->name() + tag) {
    schema += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c))
                                                          : '_';
  }
  schema = schema.substr(0, 50) + "_" + std::to_string(getpid());
  PGconn* conn = PQconnectdb(base.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    ADD_FAILURE() << "DATELINE_TEST_PG: cannot connect: " << PQerrorMessage(conn);
    PQfinish(conn);
    return "";
  }
  const std::string sql = "SET client_min_messages = warning; DROP SCHEMA IF EXISTS " + schema +
                          " CASCADE; CREATE SCHEMA " + schema;
  PGresult* r = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  if (!ok) ADD_FAILURE() << "cannot make schema " << schema << ": " << PQerrorMessage(conn);
  PQclear(r);
  PQfinish(conn);
  if (!ok) return "";
  return base + (base.find('?') == std::string::npos ? "?" : "&") +
         "options=-csearch_path%3D" + schema;
}

/// Why a PostgreSQL run cannot go ahead ("" when it can, or for SQLite). Without a server it
/// is skipped, or with DATELINE_REQUIRE_PG set it fails. Use at the start of SetUp():
///   if (std::string why = skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
inline std::string skip_reason(const std::string& backend) {
  if (backend != kPostgres || !postgres_url().empty()) return "";
  if (std::getenv("DATELINE_REQUIRE_PG") != nullptr) {
    ADD_FAILURE() << "DATELINE_REQUIRE_PG is set but DATELINE_TEST_PG names no server";
  }
  return "PostgreSQL run skipped: set DATELINE_TEST_PG=postgresql://... "
         "(bash scripts/with-postgres.sh ctest ... starts a throwaway server)";
}

/// Options for a new, empty store on `backend`.
inline StoreOptions fresh_store(const std::string& backend, const std::string& tag = "") {
  StoreOptions options;
  options.path = backend == kPostgres ? fresh_postgres_store(tag) : std::string(":memory:");
  return options;
}

}  // namespace dateline::store::testing_backends
