// SPDX-License-Identifier: Apache-2.0
// A hand-written recursive-descent reader over bytes: the forms are few and fixed, and a
// regular expression per form would cost far more than the rest of ingest on a large batch.
#include "ingest/date_parser.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace dateline::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void skip_spaces(std::string_view s, size_t& i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {  // no-break space
      i += 2;
    } else {
      break;
    }
  }
}

// White space with at most one comma in it: "6, 2026", "March , 2026".
void skip_separator(std::string_view s, size_t& i) {
  skip_spaces(s, i);
  if (i < s.size() && s[i] == ',') {
    ++i;
    skip_spaces(s, i);
  }
}

// Reads an unsigned number of min..max digits that is not followed by another digit.
bool read_number(std::string_view s, size_t& i, size_t min_digits, size_t max_digits, int* value) {
  size_t j = i;
  int v = 0;
  while (j < s.size() && is_digit(s[j]) && j - i < max_digits) v = v * 10 + (s[j++] - '0');
  if (j - i < min_digits || (j < s.size() && is_digit(s[j]))) return false;
  *value = v;
  i = j;
  return true;
}

// Reads a run of ASCII letters, lower-cased, without consuming it.
std::string_view peek_word(std::string_view s, size_t i, std::array<char, 16>& buf) {
  size_t n = 0;
  while (i + n < s.size() && is_alpha(s[i + n])) {
    if (n == buf.size()) return {};
    buf[n] = lower(s[i + n]);
    ++n;
  }
  return {buf.data(), n};
}

// "March", "Mar", "Mar.", "Sept." -> 1..12, or 0 with `i` unchanged.
int read_month(std::string_view s, size_t& i) {
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  std::array<char, 16> buf;
  std::string_view w = peek_word(s, i, buf);
  if (w.size() < 3) return 0;
  int month = 0;
  for (int m = 0; m < 12 && !month; ++m) {
    if (w == kFull[m] || w == kFull[m].substr(0, 3)) month = m + 1;
  }
  if (!month && w == "sept") month = 9;
  if (!month) return 0;
  i += w.size();
  if (i < s.size() && s[i] == '.') ++i;
  return month;
}

// An optional weekday before a date: "Friday, ", "Fri ", "Thurs., ".
void skip_weekday(std::string_view s, size_t& i) {
  static constexpr std::string_view kDays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
      "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun"};
  std::array<char, 16> buf;
  std::string_view w = peek_word(s, i, buf);
  for (std::string_view d : kDays) {
    if (w == d) {
      i += w.size();
      if (i < s.size() && s[i] == '.') ++i;
      skip_separator(s, i);
      return;
    }
  }
}

void skip_ordinal_suffix(std::string_view s, size_t& i) {
  if (i + 2 > s.size()) return;
  std::string_view two = s.substr(i, 2);
  bool suffix = false;
  for (std::string_view sfx : {"st", "nd", "rd", "th", "ST", "ND", "RD", "TH"}) {
    suffix = suffix || two == sfx;
  }
  if (suffix && (i + 2 == s.size() || !is_alpha(s[i + 2]))) i += 2;
}

bool valid_date(int y, int m, int d) {
  if (y < 1800 || y > 2199 || m < 0 || m > 12) return false;
  if (m == 0) return d == 0;  // year precision
  if (d == 0) return true;    // month precision
  return d > 0 && std::chrono::year_month_day{std::chrono::year{y},
                                              std::chrono::month{static_cast<unsigned>(m)},
                                              std::chrono::day{static_cast<unsigned>(d)}}
                      .ok();
}

std::string format_iso(int y, int m, int d) {
  char buf[16];
  if (m == 0) {
    std::snprintf(buf, sizeof buf, "%04d", y);
  } else if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

// Numeric year-first dates: 2026-03-06, 2026/03/06, 2026.03.06, 2026-03.
bool parse_numeric(std::string_view s, size_t& i, int* y, int* m, int* d) {
  size_t j = i;
  if (!read_number(s, j, 4, 4, y)) return false;
  if (j >= s.size() || (s[j] != '-' && s[j] != '/' && s[j] != '.')) return false;
  char sep = s[j++];
  if (!read_number(s, j, 1, 2, m) || *m == 0) return false;
  *d = 0;
  if (j < s.size() && s[j] == sep) {
    size_t k = j + 1;
    if (read_number(s, k, 1, 2, d)) j = k;
  }
  i = j;
  return true;
}

// Worded dates, month first or day first, with an optional weekday before them.
bool parse_worded(std::string_view s, size_t& i, int* y, int* m, int* d) {
  size_t j = i;
  skip_weekday(s, j);
  *d = 0;
  if ((*m = read_month(s, j)) != 0) {
    // "March 6th, 2026", "March 6 2026", "March 2026", "March, 2026".
    size_t k = j;
    skip_spaces(s, k);
    int day = 0;
    if (read_number(s, k, 1, 2, &day)) {
      skip_ordinal_suffix(s, k);
      skip_separator(s, k);
      if (!read_number(s, k, 4, 4, y)) return false;  // "March 6" alone: year unknown
      *d = day;
    } else {
      skip_separator(s, k);
      if (!read_number(s, k, 4, 4, y)) return false;
    }
    i = k;
    return true;
  }
  // "6 March 2026", "6th of March, 2026", "06 Mar 2026".
  int day = 0;
  if (!read_number(s, j, 1, 2, &day)) return false;
  skip_ordinal_suffix(s, j);
  skip_spaces(s, j);
  if (s.substr(j, 3) == "of " || s.substr(j, 3) == "Of ") {
    j += 3;
    skip_spaces(s, j);
  }
  if ((*m = read_month(s, j)) == 0) return false;
  skip_separator(s, j);
  if (!read_number(s, j, 4, 4, y)) return false;
  *d = day;
  i = j;
  return true;
}

// Parses a date starting exactly at `i`; on success sets the ISO form and moves `i` past it.
bool parse_at(std::string_view s, size_t& i, std::string* iso) {
  int y = 0, m = 0, d = 0;
  size_t j = i;
  if (!parse_numeric(s, j, &y, &m, &d)) {
    j = i;
    if (!parse_worded(s, j, &y, &m, &d)) return false;
  }
  if (!valid_date(y, m, d)) return false;
  *iso = format_iso(y, m, d);
  i = j;
  return true;
}

// A time of day after a date: "T10:15:00.000+05:00", " 10:15 GMT", ", 8:30 pm EST".
void skip_time(std::string_view s, size_t& i) {
  size_t j = i;
  if (j < s.size() && (s[j] == 'T' || s[j] == ',')) ++j;
  skip_spaces(s, j);
  int v;
  if (!read_number(s, j, 1, 2, &v) || j >= s.size() || s[j] != ':') return;
  ++j;
  if (!read_number(s, j, 2, 2, &v)) return;
  while (j < s.size() && (is_digit(s[j]) || s[j] == ':' || s[j] == '.')) ++j;
  skip_spaces(s, j);
  // Meridiem and zone: "pm", "p.m.", "Z", "+05:00", "GMT", "EST".
  while (j < s.size() && (is_alpha(s[j]) || s[j] == '.' || s[j] == '+' || s[j] == '-' ||
                          s[j] == ':' || is_digit(s[j]) || s[j] == ' ')) {
    ++j;
  }
  i = j;
}

}  // namespace

std::string normalize_date(std::string_view s) {
  size_t i = 0;
  skip_spaces(s, i);
  std::string iso;
  int y = 0;
  size_t j = i;
  if (s.size() - i >= 8 && read_number(s, j, 8, 8, &y)) {
    // Compact "20260306", as some meta tags write it.
    int m = (y / 100) % 100, d = y % 100;
    y /= 10000;
    if (!valid_date(y, m, d) || d == 0) return "";
    iso = format_iso(y, m, d);
    i = j;
  } else if (!parse_at(s, i, &iso)) {
    j = i;
    skip_weekday(s, j);
    if (!read_number(s, j, 4, 4, &y) || !valid_date(y, 0, 0)) return "";
    iso = format_iso(y, 0, 0);
    i = j;
  }
  skip_time(s, i);
  skip_spaces(s, i);
  return i == s.size() ? iso : "";
}

bool find_date(std::string_view s, FoundDate* found) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!is_alpha(c) && !is_digit(c)) continue;
    if (i > 0 && (is_alpha(s[i - 1]) || is_digit(s[i - 1]))) continue;
    size_t j = i;
    std::string iso;
    if (parse_at(s, j, &iso) && iso.size() >= 7) {
      found->iso = std::move(iso);
      found->begin = i;
      found->end = j;
      return true;
    }
  }
  return false;
}

}  // namespace dateline::ingest
