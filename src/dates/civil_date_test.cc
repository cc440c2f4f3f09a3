// SPDX-License-Identifier: Apache-2.0
#include "dates/civil_date.h"

#include <gtest/gtest.h>

namespace dateline::dates {
namespace {

TEST(CivilDate, DaysRoundTripAndKnownDays) {
  static const struct {
    CivilDate date;
    int64_t days;
    int weekday;  // ISO
  } kCases[] = {
      {{1970, 1, 1}, 0, 4},         {{1969, 12, 31}, -1, 3},     {{2000, 2, 29}, 11016, 2},
      {{2026, 3, 6}, 20518, 5},     {{2026, 3, 5}, 20517, 4},    {{1998, 8, 7}, 10445, 5},
      {{1600, 3, 1}, -135080, 3},   {{2100, 3, 1}, 47541, 1},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(to_days(c.date), c.days) << format_day(c.date);
    EXPECT_EQ(from_days(c.days), c.date) << c.days;
    EXPECT_EQ(weekday(c.date), c.weekday) << format_day(c.date);
  }
  for (int64_t d = -800000; d < 800000; d += 997) EXPECT_EQ(to_days(from_days(d)), d);
}

TEST(CivilDate, LeapYearsAndMonthLengths) {
  static const struct {
    int year, month, days;
  } kCases[] = {
      {2024, 2, 29}, {2025, 2, 28}, {1900, 2, 28}, {2000, 2, 29}, {2100, 2, 28},
      {2026, 1, 31}, {2026, 4, 30}, {2026, 12, 31}, {2026, 9, 30},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(days_in_month(c.year, c.month), c.days) << c.year << "-" << c.month;
  }
}

TEST(CivilDate, AddMonthsClampsTheDay) {
  static const struct {
    CivilDate from;
    int months;
    CivilDate to;
  } kCases[] = {
      {{2026, 1, 31}, 1, {2026, 2, 28}},  {{2024, 1, 31}, 1, {2024, 2, 29}},
      {{2026, 3, 6}, -1, {2026, 2, 6}},   {{2026, 1, 15}, -1, {2025, 12, 15}},
      {{2026, 12, 1}, 1, {2027, 1, 1}},   {{2026, 3, 31}, -13, {2025, 2, 28}},
      {{2026, 5, 31}, -24, {2024, 5, 31}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(add_months(c.from, c.months), c.to) << format_day(c.from) << " + " << c.months;
  }
}

TEST(CivilDate, IsoWeeksAcrossYearEnds) {
  static const struct {
    CivilDate date;
    IsoWeek week;
  } kCases[] = {
      {{2026, 3, 6}, {2026, 10}},   {{2026, 1, 1}, {2026, 1}},    {{2025, 12, 29}, {2026, 1}},
      {{2024, 12, 30}, {2025, 1}},  {{2021, 1, 3}, {2020, 53}},   {{2020, 12, 31}, {2020, 53}},
      {{2027, 1, 1}, {2026, 53}},   {{2027, 1, 4}, {2027, 1}},    {{2008, 12, 29}, {2009, 1}},
      {{2010, 1, 3}, {2009, 53}},   {{1998, 8, 7}, {1998, 32}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(iso_week(c.date), c.week) << format_day(c.date);
    const CivilDate monday = iso_week_monday(c.week);
    EXPECT_EQ(weekday(monday), 1);
    EXPECT_EQ(iso_week(monday), c.week);
  }
}

TEST(CivilDate, MovableHolidays) {
  EXPECT_EQ(easter_sunday(2026), (CivilDate{2026, 4, 5}));
  EXPECT_EQ(easter_sunday(2025), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(easter_sunday(2000), (CivilDate{2000, 4, 23}));
  static const struct {
    int year, month, weekday, n;
    CivilDate want;
  } kCases[] = {
      {2026, 11, 4, 4, {2026, 11, 26}},  // Thanksgiving: fourth Thursday
      {2026, 5, 1, -1, {2026, 5, 25}},   // Memorial Day: last Monday
      {2026, 9, 1, 1, {2026, 9, 7}},     // Labor Day: first Monday
      {2026, 5, 7, 2, {2026, 5, 10}},    // Mother's Day: second Sunday (ISO 7)
      {2026, 2, 7, -1, {2026, 2, 22}},   // last Sunday of February
      {2024, 2, 4, 5, {2024, 2, 29}},    // a fifth Thursday exists in February 2024
      {2026, 2, 1, 5, {2026, 3, 2}},     // and runs into March where it does not
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(nth_weekday_of_month(c.year, c.month, c.weekday, c.n), c.want)
        << c.year << "-" << c.month << " weekday " << c.weekday << " n " << c.n;
  }
}

// Arithmetic far beyond any real date saturates at chrono's years instead of wrapping.
TEST(CivilDate, AbsurdOffsetsSaturate) {
  EXPECT_EQ(add_days({2026, 3, 6}, int64_t{1} << 40), (CivilDate{32767, 12, 31}));
  EXPECT_EQ(add_days({2026, 3, 6}, -(int64_t{1} << 40)), (CivilDate{-32767, 1, 1}));
  EXPECT_EQ(add_months({2026, 3, 6}, 2000000000).year, 32767);
  EXPECT_EQ(add_months({2026, 3, 6}, -2000000000).year, -32767);
  EXPECT_EQ(add_days({2026, 3, 6}, 36524), (CivilDate{2126, 3, 6}));  // 24 leap days
  EXPECT_EQ(add_months({2026, 3, 6}, 1200), (CivilDate{2126, 3, 6}));
}

TEST(CivilDate, ParsesFullAndPartialIsoDates) {
  static const struct {
    const char* text;
    bool ok;
    int year, month, day;
  } kCases[] = {
      {"2026-03-06", true, 2026, 3, 6},       {"2025-11", true, 2025, 11, 0},
      {"2025", true, 2025, 0, 0},             {"1998-08-07T10:00:00", true, 1998, 8, 7},
      {"19980807", true, 1998, 8, 7},         {"2026-02-30", false, 0, 0, 0},
      {"2026-13", false, 0, 0, 0},            {"March 6", false, 0, 0, 0},
      {"", false, 0, 0, 0},                   {"2026-03-06junk", false, 0, 0, 0},
  };
  for (const auto& c : kCases) {
    PartialDate p;
    EXPECT_EQ(parse_iso_date(c.text, &p), c.ok) << c.text;
    if (!c.ok) continue;
    EXPECT_EQ(p.year, c.year) << c.text;
    EXPECT_EQ(p.month, c.month) << c.text;
    EXPECT_EQ(p.day, c.day) << c.text;
  }
}

}  // namespace
}  // namespace dateline::dates
