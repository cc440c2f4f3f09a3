// SPDX-License-Identifier: Apache-2.0
#include "dates/civil_date.h"

#include <cstdio>

namespace dateline::dates {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// The algorithms below are from Howard Hinnant, "chrono-Compatible Low-Level Date
// Algorithms": exact for the whole proleptic Gregorian calendar, no tables, no loops.
int64_t to_days(const CivilDate& d) {
  const int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int weekday(const CivilDate& d) {
  const int64_t z = to_days(d);  // 1970-01-01 was a Thursday (ISO 4)
  const int64_t w = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

CivilDate add_days(const CivilDate& d, int64_t n) { return from_days(to_days(d) + n); }

CivilDate add_months(const CivilDate& d, int n) {
  int64_t m = static_cast<int64_t>(d.year) * 12 + (d.month - 1) + n;
  int year = static_cast<int>(m >= 0 ? m / 12 : (m - 11) / 12);
  int month = static_cast<int>(m - static_cast<int64_t>(year) * 12) + 1;
  int day = d.day;
  if (day > days_in_month(year, month)) day = days_in_month(year, month);
  return {year, month, day};
}

IsoWeek iso_week(const CivilDate& d) {
  // The ISO week belongs to the year of its Thursday.
  const CivilDate thursday = add_days(d, 4 - weekday(d));
  const int64_t jan1 = to_days({thursday.year, 1, 1});
  const int week = static_cast<int>((to_days(thursday) - jan1) / 7) + 1;
  return {thursday.year, week};
}

CivilDate iso_week_monday(const IsoWeek& w) {
  // 4 January is always in week 1.
  const CivilDate jan4{w.year, 1, 4};
  const CivilDate monday1 = add_days(jan4, 1 - weekday(jan4));
  return add_days(monday1, static_cast<int64_t>(w.week - 1) * 7);
}

CivilDate easter_sunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

CivilDate nth_weekday_of_month(int year, int month, int wd, int n) {
  if (n < 0) {
    const CivilDate last{year, month, days_in_month(year, month)};
    return add_days(last, -((weekday(last) - wd + 7) % 7));
  }
  const CivilDate first{year, month, 1};
  return add_days(first, (wd - weekday(first) + 7) % 7 + 7 * (n - 1));
}

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool parse_iso_date(std::string_view s, PartialDate* out) {
  PartialDate p;
  if (!digits(s, 0, 4, &p.year)) return false;
  size_t pos = 4;
  const bool compact = s.size() >= 8 && digits(s, 4, 4, &p.month);
  if (compact) {
    // YYYYMMDD
    p.day = p.month % 100;
    p.month /= 100;
    pos = 8;
  } else if (pos < s.size() && s[pos] == '-') {
    if (!digits(s, 5, 2, &p.month)) return false;
    pos = 7;
    if (pos < s.size() && s[pos] == '-') {
      if (!digits(s, 8, 2, &p.day)) return false;
      pos = 10;
    }
  }
  if (pos < s.size() && s[pos] != 'T' && s[pos] != ' ') return false;
  if (p.month > 12 || (p.month == 0 && p.day != 0)) return false;
  if (p.day != 0 && p.day > days_in_month(p.year, p.month)) return false;
  *out = p;
  return true;
}

std::string format_day(const CivilDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_month(int year, int month) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string format_year(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::string format_week(const IsoWeek& w) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
  return buf;
}

}  // namespace dateline::dates
