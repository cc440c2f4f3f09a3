// SPDX-License-Identifier: Apache-2.0
#include "store/day_range.h"

#include "dates/civil_date.h"

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

std::string ymd(int y, int m, int d) { return dates::format_day({y, m, d}); }

DayRange months(int y, int first, int last) {
  // `last` may run into the next year (winter: December to February).
  int ly = y + (last - 1) / 12;
  int lm = (last - 1) % 12 + 1;
  return {ymd(y, first, 1), ymd(ly, lm, dates::days_in_month(ly, lm))};
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
      if (d < 1 || d > dates::days_in_month(y, m)) return {};
      return {ymd(y, m, d), ymd(y, m, d)};
    }
    return {};
  }
  // ISO week, or its weekend ("2016-W36-WE", TIMEX3's value for "the weekend").
  const bool weekend = rest.size() == 6 && rest.substr(3) == "-WE";
  if ((rest.size() == 3 || weekend) && rest[0] == 'W' && digits(rest.substr(1, 2))) {
    const int w = to_int(rest.substr(1, 2));
    // Week 53 exists when 28 December (always in the year's last week) is in it.
    if (w < 1 || w > dates::iso_week({y, 12, 28}).week) return {};
    const dates::CivilDate monday = dates::iso_week_monday({y, w});
    return {dates::format_day(dates::add_days(monday, weekend ? 5 : 0)),
            dates::format_day(dates::add_days(monday, 6))};
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
