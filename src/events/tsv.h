// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading the project's lexicon files: tab-separated rows after a '#' header.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline::events {

/// Calls `row(fields, line_number)` for each non-blank, non-'#' line of `path`, split on tabs
/// (trailing '\r' removed). Stops and returns the first error `row` returns.
/// Returns kNotFound when the file cannot be opened.
Status for_each_tsv_row(const std::string& path,
                        const std::function<Status(const std::vector<std::string_view>&, int)>& row);

/// Calls `line(text, line_number)` for every line of `path` (for PETRARCH files).
Status for_each_line(const std::string& path,
                     const std::function<Status(std::string_view, int)>& line);

/// The file name part of a path, for `why` strings ("verbs.tsv").
std::string base_name(const std::string& path);

/// Feeds the bytes of a file into a running FNV-1a hash (for fingerprints).
void hash_file_into(const std::string& path, uint64_t& hash);

}  // namespace dateline::events
