// SPDX-License-Identifier: Apache-2.0
#pragma once
// Calendar dates as news pages write them in metadata: credit lines ("March 6th, 2026"),
// HTML meta tags ("2026-03-06T10:15:00+05:00"), RFC 822 feeds ("Fri, 06 Mar 2026"), JSONL
// fields. This is the ingest module's own small parser for *absolute* dates only; relative
// expressions ("last Tuesday") are the dates stage's business.

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::ingest {

/// A date found in a string: its ISO 8601 form, as precise as written ("2026-03-06",
/// "2026-03", "2026"), and the half-open byte range [begin, end) it was read from.
struct FoundDate {
  std::string iso;
  size_t begin = 0;
  size_t end = 0;
};

/// Reads the whole of `s` (surrounding white space allowed) as one date: "March 6th, 2026",
/// "6 March 2026", "Mar. 6, 2026", "Friday, March 6, 2026", "2026-03-06T10:00:00Z",
/// "2026/03/06", "March 2026", "2026". Returns the ISO form, or "" when `s` is not a date
/// (including impossible ones such as "February 30, 2026"). Times of day are dropped.
std::string normalize_date(std::string_view s);

/// Finds the first date in `s` that has at least a month and a year, starting at a word
/// boundary. Bare years are not reported (too many numbers look like years).
/// Returns false when there is none.
bool find_date(std::string_view s, FoundDate* found);

}  // namespace dateline::ingest
