// SPDX-License-Identifier: Apache-2.0
#pragma once
// The days a normalized date covers, so that dates of different precision ("2026",
// "2026-03", "2026-W10", "2026-03-05") can be filtered and ordered together.

#include <string>
#include <string_view>

namespace dateline::store {

/// First and last day covered, as "YYYY-MM-DD"; both empty when the value is not a
/// calendar date (durations "P1W", references "PAST_REF", unresolved "").
struct DayRange {
  std::string lo, hi;
  bool empty() const { return lo.empty(); }
};

/// Understands TIMEX3/ISO values: YYYY, YYYY-MM, YYYY-MM-DD (with any "T..." time after it),
/// YYYY-Www (ISO week), YYYY-Www-WE (its weekend), YYYY-Qn, YYYY-Hn, and seasons YYYY-SP|SU|FA|AU|WI.
DayRange day_range(std::string_view value);

/// What a value day_range() understands covers: "day", "week", "weekend", "month",
/// "quarter", "half", "season" or "year"; "" for anything else.
const char* date_precision(std::string_view value);

}  // namespace dateline::store
