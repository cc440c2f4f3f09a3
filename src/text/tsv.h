// SPDX-License-Identifier: Apache-2.0
#pragma once
// Tab-separated text: the lexicon files (rows after a '#' header) and CoNLL-U columns.

#include <functional>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline::text {

/// The fields of one line, split on every tab (an empty line is one empty field). The views
/// point into `line`.
std::vector<std::string_view> split_tabs(std::string_view line);

/// Calls `row(fields, line_number)` (1-based) for each line of `content` that is neither
/// blank nor a '#' comment, split on tabs with a trailing '\r' removed. Stops at, and
/// returns, the first error `row` returns.
Status for_each_tsv_row(
    std::string_view content,
    const std::function<Status(const std::vector<std::string_view>&, int)>& row);

}  // namespace dateline::text
