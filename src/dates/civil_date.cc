// SPDX-License-Identifier: Apache-2.0
#include "dates/civil_date.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace dateline::dates {

// Calendar arithmetic is std::chrono's (C++20 civil calendar: year_month_day, sys_days,
// weekday); this file only adapts it to the plain CivilDate values the dates stage keeps and
// adds what chrono lacks (ISO weeks, Easter). chrono's years run from -32767 to 32767: dates
// computed beyond them (a relative expression of absurd size) are clamped to its ends.
namespace chr = std::chrono;

namespace {

constexpr int kMinYear = -32767, kMaxYear = 32767;

constexpr chr::year year_of(int y) { return chr::year{std::clamp(y, kMinYear, kMaxYear)}; }

chr::year_month_day ymd(const CivilDate& d) {
  return {year_of(d.year), chr::month{static_cast<unsigned>(d.month)},
          chr::day{static_cast<unsigned>(d.day)}};
}

chr::sys_days sys(const CivilDate& d) { return chr::sys_days{ymd(d)}; }

CivilDate civil(chr::sys_days t) {
  static const chr::sys_days kFirst{chr::year{kMinYear} / chr::January / 1};
  static const chr::sys_days kLast{chr::year{kMaxYear} / chr::December / 31};
  const chr::year_month_day d{std::clamp(t, kFirst, kLast)};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

}  // namespace

bool is_leap_year(int year) { return year_of(year).is_leap(); }

int days_in_month(int year, int month) {
  const chr::year_month_day_last last{
      year_of(year), chr::month_day_last{chr::month{static_cast<unsigned>(month)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

int64_t to_days(const CivilDate& d) { return sys(d).time_since_epoch().count(); }

CivilDate from_days(int64_t days) {
  constexpr int64_t kLimit = int64_t{1} << 30;  // beyond chrono's years either way
  return civil(chr::sys_days{chr::days{std::clamp(days, -kLimit, kLimit)}});
}

int weekday(const CivilDate& d) { return static_cast<int>(chr::weekday{sys(d)}.iso_encoding()); }

CivilDate add_days(const CivilDate& d, int64_t n) { return from_days(to_days(d) + n); }

CivilDate add_months(const CivilDate& d, int n) {
  // n is clamped so that the result stays within chrono's years.
  const chr::year_month from{year_of(d.year), chr::month{static_cast<unsigned>(d.month)}};
  const int64_t at =
      int64_t{static_cast<int>(from.year())} * 12 + static_cast<unsigned>(from.month()) - 1;
  const int64_t step =
      std::clamp<int64_t>(n, int64_t{kMinYear} * 12 - at, int64_t{kMaxYear} * 12 + 11 - at);
  const chr::year_month to = from + chr::months{step};
  const int year = static_cast<int>(to.year());
  const int month = static_cast<int>(static_cast<unsigned>(to.month()));
  return {year, month, std::min(d.day, days_in_month(year, month))};
}

IsoWeek iso_week(const CivilDate& d) {
  // The ISO week belongs to the year of its Thursday.
  const chr::sys_days day = sys(d);
  const chr::sys_days thursday =
      day + chr::days{4 - static_cast<int>(chr::weekday{day}.iso_encoding())};
  const chr::year year = chr::year_month_day{thursday}.year();
  const auto week = (thursday - chr::sys_days{year / chr::January / 1}).count() / 7 + 1;
  return {static_cast<int>(year), static_cast<int>(week)};
}

CivilDate iso_week_monday(const IsoWeek& w) {
  // 4 January is always in week 1; its week starts on the Monday before it.
  const chr::sys_days jan4{year_of(w.year) / chr::January / 4};
  const chr::sys_days monday1 = jan4 - (chr::weekday{jan4} - chr::Monday);
  return civil(monday1 + chr::weeks{w.week - 1});
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
  const chr::year_month ym{year_of(year), chr::month{static_cast<unsigned>(month)}};
  const chr::weekday day{static_cast<unsigned>(wd)};  // ISO 7 is Sunday, as chrono reads it
  if (n < 0) return civil(chr::sys_days{ym / chr::weekday_last{day}});
  return civil(chr::sys_days{ym / day[static_cast<unsigned>(n)]});
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
