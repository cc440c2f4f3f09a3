// SPDX-License-Identifier: Apache-2.0
#include "ingest/date_parser.h"

#include <gtest/gtest.h>

namespace dateline::ingest {
namespace {

TEST(NormalizeDate, ReadsTheFormsNewsPagesUse) {
  static const struct {
    const char* input;
    const char* iso;
  } kCases[] = {
      {"March 6th, 2026", "2026-03-06"},
      {"March 6, 2026", "2026-03-06"},
      {"6 March 2026", "2026-03-06"},
      {"6th of March, 2026", "2026-03-06"},
      {"Mar. 6, 2026", "2026-03-06"},
      {"Sept. 21, 2025", "2025-09-21"},
      {"Friday, March 6, 2026", "2026-03-06"},
      {"Fri, 06 Mar 2026 10:15:00 GMT", "2026-03-06"},
      {"2026-03-06", "2026-03-06"},
      {"2026-03-06T10:15:00+05:00", "2026-03-06"},
      {"2026-03-06T10:15:00.000Z", "2026-03-06"},
      {"2026/3/6", "2026-03-06"},
      {"20260306", "2026-03-06"},
      {"March 2026", "2026-03"},
      {"2026-03", "2026-03"},
      {"2026", "2026"},
      {"  February 29, 2024 ", "2024-02-29"},
      // Not dates, or impossible ones.
      {"February 29, 2025", ""},
      {"March 32, 2026", ""},
      {"2026-13-01", ""},
      {"March 6", ""},
      {"yesterday", ""},
      {"March 6, 2026 and more", ""},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(normalize_date(c.input), c.iso) << c.input;
}

TEST(FindDate, FindsTheFirstDateWithMonthAndYear) {
  static const struct {
    const char* input;
    const char* iso;
    size_t begin, end;
  } kCases[] = {
      {"Dawn, March 6th, 2026", "2026-03-06", 6, 21},
      {"Foo Weekly on 6 March 2026.", "2026-03-06", 14, 26},
      {"issued 2026-03-06 at noon", "2026-03-06", 7, 17},
      {"in May 2025 the", "2025-05", 3, 11},
      {"may close in 2026", "", 0, 0},  // a bare year is not reported
      {"no date here", "", 0, 0},
  };
  for (const auto& c : kCases) {
    FoundDate found;
    bool ok = find_date(c.input, &found);
    EXPECT_EQ(ok, *c.iso != '\0') << c.input;
    if (!ok) continue;
    EXPECT_EQ(found.iso, c.iso) << c.input;
    EXPECT_EQ(found.begin, c.begin) << c.input;
    EXPECT_EQ(found.end, c.end) << c.input;
  }
}

}  // namespace
}  // namespace dateline::ingest
