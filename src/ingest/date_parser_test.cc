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
      {"Fri, 06 Mar 2026 10:15:00 +0000 (UTC)", "2026-03-06"},
      {"2026-03-06", "2026-03-06"},
      {"2026-03-06T10:15:00+05:00", "2026-03-06"},
      {"2026-03-06T10:15:00.000Z", "2026-03-06"},
      {"2026/3/6", "2026-03-06"},
      {"20260306", "2026-03-06"},
      {"06.03.2026", "2026-03-06"},
      {"03/06/2026", "2026-03-06"},  // month first unless asked otherwise
      {"16/03/2026", "2026-03-16"},  // only one way to read it
      {"March 2026", "2026-03"},
      {"2026-03", "2026-03"},
      {"2026", "2026"},
      {"  February 29, 2024 ", "2024-02-29"},
      // Not dates, or impossible ones.
      {"February 29, 2025", ""},
      {"March 32, 2026", ""},
      {"2026-13-01", ""},
      {"13/13/2026", ""},
      {"March 6", ""},
      {"yesterday", ""},
      {"March 6, 2026 and more", ""},
      {"6 mars 2026", ""},  // European month names only when asked for
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(normalize_date(c.input), c.iso) << c.input;
}

TEST(ParseDateTime, KeepsTheTimeOfDayAndItsOffset) {
  static const struct {
    const char* input;
    const char* iso;
  } kCases[] = {
      {"2019-10-19T18:09:00-06:00", "2019-10-19T18:09:00-06:00"},
      {"2019-10-20T00:09:00.000Z", "2019-10-20T00:09:00Z"},
      {"2019-10-20T00:09:00+0200", "2019-10-20T00:09:00+02:00"},
      {"2019-10-20 00:09", "2019-10-20T00:09:00"},
      {"Sat, 19 Oct 2019 18:09:00 -0600", "2019-10-19T18:09:00-06:00"},
      {"October 19, 2019 6:09 PM MDT", "2019-10-19T18:09:00-06:00"},
      {"Oct. 19, 2019 at 6:09 p.m. EDT", "2019-10-19T18:09:00-04:00"},
      {"Oct. 19, 2019 12:30 am", "2019-10-19T00:30:00"},
      {"19.10.2019, 15:30 Uhr", "2019-10-19T15:30:00"},
      {"19. Oktober 2019 um 15:30", "2019-10-19T15:30:00"},
      {"Samstag, 19. Oktober 2019", "2019-10-19"},
      {"19 octobre 2019 à 15:30 (CEST)", "2019-10-19T15:30:00+02:00"},
      {"4 de mayo de 2022", "2022-05-04"},
      {"03/04/2022", "2022-04-03"},  // day first, as asked
      {"2019-10-19T25:00:00Z", ""},
  };
  DateReading european;
  european.day_first = true;
  european.european_names = true;
  for (const auto& c : kCases) {
    DateTime dt;
    bool ok = parse_date_time(c.input, &dt, european);
    EXPECT_EQ(ok ? dt.iso() : "", c.iso) << c.input;
  }
  DateTime local, utc;
  ASSERT_TRUE(parse_date_time("2019-10-19T18:09:00-07:00", &local));
  ASSERT_TRUE(parse_date_time("2019-10-20T01:09:00Z", &utc));
  EXPECT_EQ(local.utc_minutes(), utc.utc_minutes());
  EXPECT_FALSE(DateTime().utc_minutes().has_value());
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
      {"Published 6 March 2026, 10:15 GMT", "2026-03-06", 10, 22},
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
  DateTime dt;
  size_t b = 0, e = 0;
  ASSERT_TRUE(find_date_time("Aktualisiert am 19.10.2019 um 15:30 Uhr", &dt, &b, &e));
  EXPECT_EQ(dt.iso(), "2019-10-19T15:30:00");
  EXPECT_EQ(b, 16u);
}

}  // namespace
}  // namespace dateline::ingest
