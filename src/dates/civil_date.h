// SPDX-License-Identifier: Apache-2.0
#pragma once
// Proleptic Gregorian calendar arithmetic for time normalisation: day numbers, weekdays,
// ISO 8601 weeks, month arithmetic with clamping, and parsing of (possibly partial) ISO
// dates. Pure functions on small values; no time zones, no leap seconds.

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::dates {

struct CivilDate {
  int year = 0;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..days_in_month(year, month)
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// An ISO 8601 week: the week-numbering year can differ from the calendar year around
/// 1 January (2024-12-30 is 2025-W01).
struct IsoWeek {
  int year = 0;
  int week = 1;  ///< 1..53
  friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  ///< Requires: 1 <= month <= 12.

/// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil algorithm.
int64_t to_days(const CivilDate& d);
CivilDate from_days(int64_t days);

/// ISO weekday: 1 = Monday ... 7 = Sunday.
int weekday(const CivilDate& d);
CivilDate add_days(const CivilDate& d, int64_t n);
/// Adds months keeping the day, clamped to the month's length (Jan 31 + 1 month = Feb 28/29).
CivilDate add_months(const CivilDate& d, int n);
IsoWeek iso_week(const CivilDate& d);
/// Monday of the given ISO week.
CivilDate iso_week_monday(const IsoWeek& w);
/// Easter Sunday of the Gregorian year (anonymous Gregorian computus).
CivilDate easter_sunday(int year);
/// The n-th (1-based; n = -1 for the last) given ISO weekday of a month.
CivilDate nth_weekday_of_month(int year, int month, int weekday, int n);

/// A date known to year, month or day precision: the anchor of an article, which may be
/// partial ("2025", "2025-11"). month/day are 0 when unknown; year is kUnknownYear when
/// nothing is known.
struct PartialDate {
  static constexpr int kUnknownYear = -100000;
  int year = kUnknownYear;
  int month = 0;
  int day = 0;
  bool has_year() const { return year != kUnknownYear; }
  bool has_month() const { return has_year() && month != 0; }
  bool has_day() const { return has_month() && day != 0; }
  CivilDate date() const { return {year, month ? month : 1, day ? day : 1}; }
};

/// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" and any longer ISO 8601 timestamp that starts
/// with them ("1998-08-07T10:00:00"); also "YYYYMMDD". Returns false when `s` is not
/// such a date or the fields are out of range.
bool parse_iso_date(std::string_view s, PartialDate* out);

/// TIMEX3 value spellings: "2026-03-05", "2026-03", "2026", "2026-W10".
std::string format_day(const CivilDate& d);
std::string format_month(int year, int month);
std::string format_year(int year);
std::string format_week(const IsoWeek& w);

}  // namespace dateline::dates
