// SPDX-License-Identifier: Apache-2.0
#include "store/day_range.h"

#include <cstdio>

namespace dateline::store {
namespace {

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

std::string ymd(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Days since 1970-01-01 and back (Howard Hinnant's civil-date algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return ymd(y, m, d);
}

// Monday of ISO week 1: the week holding 4 January (1970-01-01 was a Thursday).
long iso_week1_monday(int y) {
  const long jan4 = days_from_civil(y, 1, 4);
  const long weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday
  return jan4 - weekday;
}

DayRange months(int y, int first, int last) {
  // `last` may run into the next year (winter: December to February).
  int ly = y + (last - 1) / 12;
  int lm = (last - 1) % 12 + 1;
  return {ymd(y, first, 1), ymd(ly, lm, days_in_month(ly, lm))};
}

}  // namespace

DayRange day_range(std::string_view v) {
  if (v.size() < 4 || !digits(v.substr(0, 4))) return {};
  const int y = to_int(v.substr(0, 4));
  if (v.size() == 4) return months(y, 1, 12);
  if (v[4] != '-') return {};
  std::string_view rest = v.substr(5);
  if (rest.size() >= 2 && digits(rest.substr(0, 2))) {
    const int m = to_int(rest.substr(0, 2));
    if (m < 1 || m > 12) return {};
    if (rest.size() == 2) return months(y, m, m);
    if (rest.size() >= 5 && rest[2] == '-' && digits(rest.substr(3, 2)) &&
        (rest.size() == 5 || rest[5] == 'T')) {
      const int d = to_int(rest.substr(3, 2));
      if (d < 1 || d > days_in_month(y, m)) return {};
      return {ymd(y, m, d), ymd(y, m, d)};
    }
    return {};
  }
  // ISO week, or its weekend ("2016-W36-WE", TIMEX3's value for "the weekend").
  const bool weekend = rest.size() == 6 && rest.substr(3) == "-WE";
  if ((rest.size() == 3 || weekend) && rest[0] == 'W' && digits(rest.substr(1, 2))) {
    const int w = to_int(rest.substr(1, 2));
    const long week1 = iso_week1_monday(y);
    const long weeks_in_year = (iso_week1_monday(y + 1) - week1) / 7;
    if (w < 1 || w > weeks_in_year) return {};
    const long monday = week1 + 7L * (w - 1);
    return {civil_from_days(monday + (weekend ? 5 : 0)), civil_from_days(monday + 6)};
  }
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H') && rest[1] >= '1') {
    const int n = rest[1] - '0';
    const int span = rest[0] == 'Q' ? 3 : 6;
    if (n > 12 / span) return {};
    return months(y, (n - 1) * span + 1, n * span);
  }
  // Meteorological seasons of the northern hemisphere, as TIMEX3 writes them.
  if (rest == "SP") return months(y, 3, 5);
  if (rest == "SU") return months(y, 6, 8);
  if (rest == "FA" || rest == "AU") return months(y, 9, 11);
  if (rest == "WI") return months(y, 12, 14);
  return {};
}

}  // namespace dateline::store
