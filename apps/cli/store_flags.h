// SPDX-License-Identifier: Apache-2.0
#pragma once
// The --db flag of the store commands (ingest, stats, show, export, people, entities, quotes,
// events, timeline) and small helpers for their text output.

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "dateline/filters.h"
#include "dateline/store.h"

namespace dateline::cli {

struct DbFlags {
  std::string path = "dateline.db";

  void add_to(CLI::App& app) {
    app.add_option("--db", path,
                   "SQLite database file (default: dateline.db) or PostgreSQL URL "
                   "(postgresql://user@host/db)");
  }

  /// Opens the store to write to it, creating it when missing (ingest).
  Result<Store> open_for_writing() const {
    StoreOptions options;
    options.path = path;
    return Store::open(options);
  }

  /// Opens an existing store read-only (query commands): nothing is written, so a database
  /// in a read-only folder or on a read-only medium can be queried.
  Result<Store> open_for_reading() const {
    StoreOptions options;
    options.path = path;
    options.read_only = true;
    return Store::open(options);
  }
};

/// Adds a flag for each of `filters` (dateline/filters.h), its value going to `values`; the
/// filter named `positional`, if any, is taken as the command's positional argument instead.
inline void add_filter_flags(CLI::App& app, std::span<const Filter> filters, FilterValues& values,
                             std::string_view positional = {}) {
  for (const Filter& f : filters) {
    std::string& value = values[f.name];  // std::map: the reference stays valid
    if (f.kind == FilterKind::kSwitch) {
      app.add_flag_callback(
          "--" + std::string(f.name), [&value] { value = "1"; }, f.help);
      continue;
    }
    app.add_option(f.name == positional ? std::string(f.name) : "--" + std::string(f.name), value,
                   f.help);
  }
}

/// Fails a command on a filter error: the library names the field ("limit: '0' is ..."),
/// which on the command line is the flag ("--limit: '0' is ...").
inline Status as_flag_error(const Status& status) {
  return Status(status.code(), "--" + status.message());
}

/// "article-id [start,end)": the pointer back from a query result to the article text.
inline std::string ref_string(const ArticleRef& ref) {
  return ref.article_id + " [" + std::to_string(ref.begin) + "," + std::to_string(ref.end) + ")";
}

inline std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

}  // namespace dateline::cli
