// SPDX-License-Identifier: Apache-2.0
// Design note. Time expressions are a small, closed grammar ("last", a unit; a month name, a
// day, an optional year; a number, a unit, "ago"), so dateline recognises them the way
// HeidelTime and SUTime do, with explicit patterns over words and a lexicon, rather than
// with a statistical tagger: every value can then be explained in `why`, and a pattern is
// fixed by editing one function. Unlike those tools the patterns are C++ functions over
// pre-classified words (no regular expressions): each word is looked up once, and each
// pattern is a handful of comparisons, which keeps the stage far above the pipeline's speed
// budget. At every word the grammar tries all patterns and keeps the longest match (then
// the earliest pattern), the usual leftmost-longest rule of such grammars.
#include "dates/recognizer.h"

#include <cmath>
#include <cstdio>

namespace dateline::dates {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Multi-byte characters that act as punctuation or space for the grammar; any other
// non-ASCII character is part of a word.
char special_char(std::string_view t, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
    *len = 2;
    return ' ';  // no-break space
  }
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(t[i + 2]);
    *len = 3;
    if (d == 0x98 || d == 0x99) return '\'';                       // ‘ ’
    if (d == 0x9C || d == 0x9D) return '"';                        // “ ”
    if (d == 0x93 || d == 0x94 || d == 0x90 || d == 0x91) return '-';  // dashes, hyphens
    if (d == 0xAF || d == 0x89 || d == 0x8A) return ' ';          // narrow/thin spaces
  }
  return 0;
}

}  // namespace

void split_words(const Document& doc, std::string_view lower, Span span, uint32_t token_begin,
                 uint32_t token_end, std::vector<Word>* out) {
  out->clear();
  const std::string_view t = doc.text;
  uint32_t tok = token_begin;
  bool space = true;
  size_t i = span.begin;
  auto push = [&](size_t b, size_t e, char punct) {
    Word w;
    w.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    w.lower = lower.substr(b, e - b);
    w.punct = punct;
    w.space_before = space;
    space = false;
    const auto c0 = static_cast<unsigned char>(t[b]);
    w.capitalized = c0 >= 'A' && c0 <= 'Z';
    if (is_digit(c0)) {
      w.digits = static_cast<uint8_t>(e - b > 255 ? 255 : e - b);
      if (e - b <= 9) {
        int32_t v = 0;
        for (size_t k = b; k < e; ++k) v = v * 10 + (t[k] - '0');
        w.number = v;
      }
    } else if (!punct) {
      w.info = lookup_word(w.lower);
    }
    while (tok < token_end && doc.tokens[tok].span.end <= b) ++tok;
    if (tok < token_end && doc.tokens[tok].span.begin <= b) w.token = static_cast<int32_t>(tok);
    out->push_back(w);
  };
  while (i < span.end) {
    const auto c = static_cast<unsigned char>(t[i]);
    size_t len = 1;
    char sc = c >= 0x80 ? special_char(t, i, &len) : 0;
    if (is_space(c) || sc == ' ') {
      space = true;
      i += len;
      continue;
    }
    if (sc) {
      push(i, i + len, sc);
      i += len;
      continue;
    }
    size_t e = i + 1;
    if (is_digit(c)) {
      while (e < span.end && is_digit(static_cast<unsigned char>(t[e]))) ++e;
      push(i, e, 0);
    } else if (is_ascii_letter(c) || c >= 0x80) {
      while (e < span.end) {
        const auto d = static_cast<unsigned char>(t[e]);
        if (is_ascii_letter(d)) {
          ++e;
        } else if (d >= 0x80) {
          size_t l2 = 1;
          if (special_char(t, e, &l2)) break;
          ++e;
        } else {
          break;
        }
      }
      push(i, e, 0);
    } else {
      push(i, e, static_cast<char>(c));
    }
    i = e;
  }
}

namespace {

struct Holiday {
  const char* words[5];  // lower-case words, nullptr-terminated
  int month, day;        // fixed date, or month 0 with a rule below
  int rule;              // 0 fixed, 1 Easter + day offset, 2 n-th weekday of month
  int weekday, nth;
};

// Holidays widely named in English-language news, with their Gregorian rule.
const Holiday kHolidays[] = {
    {{"christmas", "eve"}, 12, 24, 0, 0, 0},
    {{"christmas", "day"}, 12, 25, 0, 0, 0},
    {{"christmas"}, 12, 25, 0, 0, 0},
    {{"boxing", "day"}, 12, 26, 0, 0, 0},
    {{"new", "year", "'", "s", "eve"}, 12, 31, 0, 0, 0},
    {{"new", "year", "'", "s", "day"}, 1, 1, 0, 0, 0},
    {{"valentine", "'", "s", "day"}, 2, 14, 0, 0, 0},
    {{"halloween"}, 10, 31, 0, 0, 0},
    {{"independence", "day"}, 7, 4, 0, 0, 0},
    {{"veterans", "day"}, 11, 11, 0, 0, 0},
    {{"good", "friday"}, 0, -2, 1, 0, 0},
    {{"easter", "sunday"}, 0, 0, 1, 0, 0},
    {{"easter", "monday"}, 0, 1, 1, 0, 0},
    {{"easter"}, 0, 0, 1, 0, 0},
    {{"thanksgiving", "day"}, 11, 0, 2, 4, 4},
    {{"thanksgiving"}, 11, 0, 2, 4, 4},
    {{"labor", "day"}, 9, 0, 2, 1, 1},
    {{"memorial", "day"}, 5, 0, 2, 1, -1},
    {{"martin", "luther", "king", "day"}, 1, 0, 2, 1, 3},
};
constexpr int kHolidayCount = sizeof kHolidays / sizeof kHolidays[0];

bool starts_holiday(std::string_view lower) {
  for (const Holiday& h : kHolidays) {
    if (lower == h.words[0]) return true;
  }
  return false;
}

const char* kModStart = "START";
const char* kModMid = "MID";
const char* kModEnd = "END";

class Grammar {
 public:
  explicit Grammar(const std::vector<Word>& w) : w_(w), n_(w.size()) {}

  // The longest expression starting at word i; false when none starts there.
  bool match(size_t i, Match* m, Match* second);

 private:
  // ---- word predicates ----
  const WordInfo* info(size_t i) const { return i < n_ ? w_[i].info : nullptr; }
  Tag tag(size_t i) const { return i < n_ && w_[i].info ? w_[i].info->tag : Tag::kNone; }
  bool is(size_t i, Tag t) const { return tag(i) == t; }
  bool punct(size_t i, char c) const { return i < n_ && w_[i].punct == c; }
  bool adjacent(size_t i) const { return i < n_ && !w_[i].space_before; }
  bool word(size_t i, std::string_view s) const { return i < n_ && w_[i].lower == s; }
  Unit unit(size_t i) const { return i < n_ && w_[i].info ? w_[i].info->unit : Unit::kNone; }
  bool plural(size_t i) const { return i < n_ && w_[i].info && w_[i].info->plural; }
  bool digits(size_t i, int lo, int hi) const {
    return i < n_ && w_[i].digits >= lo && w_[i].digits <= hi;
  }
  // Month name at i (capitalised; abbreviations need a period or a following number).
  // Returns the word after it (after the period), or 0.
  size_t month_name(size_t i, int* month) const;
  size_t day_number(size_t i, int* day) const;
  size_t year_number(size_t i, int* year) const;
  size_t number(size_t i, double* value, bool allow_article) const;
  size_t clock(size_t i, Frame* f) const;
  size_t time_suffix(size_t i, Frame* f) const;
  bool preposition_before(size_t i) const;

  // ---- patterns; each returns the end of its match (0 for none) ----
  size_t numeric_date(size_t i, Frame* f) const;
  size_t month_date(size_t i, Frame* f, Match* second) const;
  size_t weekday(size_t i, Frame* f) const;
  size_t deictic(size_t i, Frame* f) const;
  size_t relative(size_t i, Frame* f) const;
  size_t ago(size_t i, Frame* f) const;
  size_t year_ago(size_t i, Frame* f) const;
  size_t duration(size_t i, Frame* f) const;
  size_t set(size_t i, Frame* f) const;
  size_t quarter(size_t i, Frame* f) const;
  size_t season(size_t i, Frame* f) const;
  size_t year(size_t i, Frame* f, Match* second) const;
  size_t holiday(size_t i, Frame* f) const;
  size_t time_first(size_t i, Frame* f) const;
  size_t core(size_t i, Frame* f, Match* second) const;
  size_t modified(size_t i, Frame* f, Match* second) const;

  const std::vector<Word>& w_;
  const size_t n_;
};

std::string format_quantity(double v) {
  char buf[32];
  if (v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

// TIMEX3 duration value of `amount` units ("P3Y", "PT48H"); amount < 0 means unspecified
// ("PXY"). Decades, centuries, fortnights and half-years are written in the base unit when
// counted, as TimeBank does ("two decades" = P20Y).
std::string duration_value(double amount, Unit u) {
  std::string v = is_time_unit(u) ? "PT" : "P";
  if (amount < 0) {
    v += 'X';
    v += u == Unit::kFortnight ? "W" : u == Unit::kHalfYear ? "M" : unit_code(u);
    return v;
  }
  switch (u) {
    case Unit::kDecade: return v + format_quantity(amount * 10) + "Y";
    case Unit::kCentury: return v + format_quantity(amount * 100) + "Y";
    case Unit::kMillennium: return v + format_quantity(amount * 1000) + "Y";
    case Unit::kFortnight: return v + format_quantity(amount * 2) + "W";
    case Unit::kHalfYear: return v + format_quantity(amount * 6) + "M";
    case Unit::kWeekend: return v + format_quantity(amount * 2) + "D";
    default: return v + format_quantity(amount) + unit_code(u);
  }
}

size_t Grammar::month_name(size_t i, int* month) const {
  const WordInfo* in = info(i);
  if (!in || !in->month || !w_[i].capitalized) return 0;
  size_t j = i + 1;
  const bool period = in->abbrev && punct(j, '.') && adjacent(j);
  if (in->abbrev && !period && !digits(j, 1, 4)) return 0;
  if (period) ++j;
  *month = in->month;
  return j;
}

size_t Grammar::day_number(size_t i, int* day) const {
  if (digits(i, 1, 2) && w_[i].number >= 1 && w_[i].number <= 31) {
    size_t j = i + 1;
    if (adjacent(j) && (word(j, "st") || word(j, "nd") || word(j, "rd") || word(j, "th"))) ++j;
    // "6:30" or "6.5" is not a day.
    if ((punct(j, ':') || punct(j, '.')) && adjacent(j) && digits(j + 1, 1, 2) && adjacent(j + 1)) {
      return 0;
    }
    *day = w_[i].number;
    return j;
  }
  const WordInfo* in = info(i);
  if (in && in->ordinal >= 1 && in->ordinal <= 31) {
    *day = in->ordinal;
    return i + 1;
  }
  return 0;
}

size_t Grammar::year_number(size_t i, int* year) const {
  if (digits(i, 4, 4) && w_[i].number >= 1000 && w_[i].number <= 2999) {
    // Not part of a larger number ("1,2000") or an amount ("$1999").
    if (i > 0 && (punct(i - 1, '$') || ((punct(i - 1, ',') || punct(i - 1, '.')) && !w_[i].space_before))) {
      return 0;
    }
    if ((punct(i + 1, ',') || punct(i + 1, '.')) && adjacent(i + 1) && digits(i + 2, 1, 3) && adjacent(i + 2)) {
      return 0;
    }
    *year = w_[i].number;
    return i + 1;
  }
  // '98
  if (punct(i, '\'') && digits(i + 1, 2, 2) && adjacent(i + 1) && !(adjacent(i + 2) && word(i + 2, "s"))) {
    const int yy = w_[i + 1].number;
    *year = yy < 30 ? 2000 + yy : 1900 + yy;
    return i + 2;
  }
  return 0;
}

size_t Grammar::number(size_t i, double* value, bool allow_article) const {
  if (i >= n_) return 0;
  const Word& w = w_[i];
  if (w.digits && w.number >= 0) {
    double v = w.number;
    size_t j = i + 1;
    // 1,000 and 1.5
    while (punct(j, ',') && adjacent(j) && digits(j + 1, 3, 3) && adjacent(j + 1)) {
      v = v * 1000 + w_[j + 1].number;
      j += 2;
    }
    if (punct(j, '.') && adjacent(j) && digits(j + 1, 1, 3) && adjacent(j + 1)) {
      v += w_[j + 1].number / std::pow(10.0, w_[j + 1].digits);
      j += 2;
    }
    if (value) *value = v;
    return j;
  }
  const WordInfo* in = w.info;
  if (!in) return 0;
  if (in->number >= 0) {
    double v = in->number;
    size_t j = i + 1;
    if (v >= 20 && v <= 90 && punct(j, '-') && adjacent(j) && info(j + 1) &&
        info(j + 1)->number >= 1 && info(j + 1)->number <= 9) {
      v += info(j + 1)->number;
      j += 2;
    } else if (v >= 20 && v <= 90 && static_cast<int>(v) % 10 == 0 && info(j) &&
               info(j)->number >= 1 && info(j)->number <= 9) {
      v += info(j)->number;  // "twenty four"
      j += 1;
    }
    if (word(j, "hundred")) {
      v *= 100;
      ++j;
    }
    if (value) *value = v;
    return j;
  }
  if (allow_article && in->tag == Tag::kA && !is(i + 1, Tag::kFew) && !is(i + 1, Tag::kCouple)) {
    if (word(i + 1, "hundred") || word(i + 1, "dozen")) {
      if (value) *value = word(i + 1, "hundred") ? 100 : 12;
      return i + 2;
    }
    if (value) *value = 1;
    return i + 1;
  }
  return 0;
}

// "10 a.m.", "10:35 a.m.", "7 p.m. EST", "10am", "14:30", "6 o'clock", "noon", "midnight".
size_t Grammar::clock(size_t i, Frame* f) const {
  if (is(i, Tag::kNoon) || is(i, Tag::kMidnight)) {
    f->hour = is(i, Tag::kNoon) ? 12 : 24;
    f->minute = 0;
    return i + 1;
  }
  if (!digits(i, 1, 2) || w_[i].number > 24) return 0;
  int hour = w_[i].number, minute = 0;
  size_t j = i + 1;
  bool has_minutes = false;
  if ((punct(j, ':') || punct(j, '.')) && adjacent(j) && digits(j + 1, 2, 2) && adjacent(j + 1) &&
      w_[j + 1].number < 60) {
    minute = w_[j + 1].number;
    has_minutes = punct(j, ':');
    j += 2;
  }
  int ampm = 0;  // 1 am, 2 pm
  if (word(j, "am") || word(j, "pm")) {
    ampm = word(j, "am") ? 1 : 2;
    ++j;
  } else if ((word(j, "a") || word(j, "p")) && punct(j + 1, '.') && adjacent(j + 1) &&
             word(j + 2, "m") && adjacent(j + 2)) {
    ampm = word(j, "a") ? 1 : 2;
    j += 3;
    if (punct(j, '.') && adjacent(j)) ++j;
  } else if (word(j, "o") && punct(j + 1, '\'') && word(j + 2, "clock")) {
    j += 3;
    ampm = 3;
  }
  // A bare "10:30" is a time only after a word that introduces one ("at 10:30", "by 14:00")
  // or before a time zone: elsewhere it is as likely a score or a verse.
  const bool introduced = i > 0 && (is(i - 1, Tag::kAt) || is(i - 1, Tag::kBy) ||
                                    is(i - 1, Tag::kUntil) || is(i - 1, Tag::kFrom) ||
                                    is(i - 1, Tag::kBefore) || is(i - 1, Tag::kAfter) ||
                                    is(i - 1, Tag::kAbout) || is(i - 1, Tag::kTo));
  if (!ampm && !(has_minutes && hour < 24 && (introduced || is(j, Tag::kTimezone)))) return 0;
  if (ampm && hour > 12) return 0;
  if (ampm == 2 && hour < 12) hour += 12;
  if (ampm == 1 && hour == 12) hour = 0;
  if (is(j, Tag::kTimezone)) ++j;
  f->hour = hour;
  f->minute = minute;
  return j;
}

// After a day: "morning", "night", "at 10 a.m.", ", 10 a.m.".
size_t Grammar::time_suffix(size_t i, Frame* f) const {
  if (info(i) && info(i)->pod && !plural(i)) {
    f->pod = info(i)->pod;
    f->type = TimeType::kTime;
    return i + 1;
  }
  size_t j = i;
  if (is(j, Tag::kAt) || punct(j, ',')) ++j;
  Frame t;
  const size_t e = clock(j, &t);
  if (e) {
    f->hour = t.hour;
    f->minute = t.minute;
    f->type = TimeType::kTime;
    return e;
  }
  return i;
}

bool Grammar::preposition_before(size_t i) const {
  if (i == 0) return false;
  switch (tag(i - 1)) {
    case Tag::kIn: case Tag::kSince: case Tag::kUntil: case Tag::kBy: case Tag::kFrom:
    case Tag::kTo: case Tag::kThrough: case Tag::kDuring: case Tag::kEarly: case Tag::kLate:
    case Tag::kMid: case Tag::kLast: case Tag::kNext: case Tag::kThis: case Tag::kBefore:
    case Tag::kAfter: case Tag::kBetween: case Tag::kAnd: case Tag::kOf: case Tag::kOn:
    case Tag::kFor: case Tag::kOver: case Tag::kWithin: case Tag::kPast: case Tag::kComing:
    case Tag::kThe: case Tag::kEnd: case Tag::kStart: case Tag::kBeginning: case Tag::kMiddle:
      return true;
    default:
      return punct(i - 1, '-') && i >= 2 && is(i - 2, Tag::kMid);
  }
}

// 2026-03-06, 2026-03, 3/6/2026, 03/06/26.
size_t Grammar::numeric_date(size_t i, Frame* f) const {
  if (digits(i, 4, 4) && punct(i + 1, '-') && adjacent(i + 1) && digits(i + 2, 2, 2) &&
      adjacent(i + 2)) {
    const int y = w_[i].number, m = w_[i + 2].number;
    if (m < 1 || m > 12 || y < 1000) return 0;
    if (punct(i + 3, '-') && adjacent(i + 3) && digits(i + 4, 2, 2) && adjacent(i + 4)) {
      const int d = w_[i + 4].number;
      if (d < 1 || d > days_in_month(y, m)) return 0;
      f->kind = FrameKind::kDate;
      f->year = y, f->month = m, f->day = d;
      f->rule = "ISO date";
      return i + 5;
    }
    f->kind = FrameKind::kDate;
    f->year = y, f->month = m;
    f->rule = "ISO month";
    return i + 3;
  }
  if (digits(i, 1, 2) && punct(i + 1, '/') && adjacent(i + 1) && digits(i + 2, 1, 2) &&
      adjacent(i + 2) && punct(i + 3, '/') && adjacent(i + 3) && adjacent(i + 4) &&
      (digits(i + 4, 2, 2) || digits(i + 4, 4, 4))) {
    // US order (month/day/year), the convention of the English-language wires.
    const int m = w_[i].number, d = w_[i + 2].number;
    int y = w_[i + 4].number;
    if (w_[i + 4].digits == 2) y += y < 30 ? 2000 : 1900;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    f->kind = FrameKind::kDate;
    f->year = y, f->month = m, f->day = d;
    f->rule = "numeric date m/d/y";
    return i + 5;
  }
  return 0;
}

// [Weekday,] Month Day[,] [Year] | Month [,|of] Year | Month | Day [of] Month [Year].
size_t Grammar::month_date(size_t i, Frame* f, Match* second) const {
  size_t j = i;
  const WordInfo* in = info(i);
  if (in && in->weekday && !in->plural && w_[i].capitalized) {
    j = i + 1;
    if (punct(j, '.')) ++j;
    if (punct(j, ',')) ++j;
  }
  int month = 0, day = 0, year = 0;
  size_t k = month_name(j, &month);
  if (k) {
    size_t e = day_number(k, &day);
    // "May 2026" is a month, not a day: a 4-digit number is a year.
    if (e && digits(k, 1, 2)) {
      f->kind = FrameKind::kDate;
      f->month = month;
      f->day = day;
      f->rule = "month day";
      size_t y = e;
      if (punct(y, ',')) ++y;
      size_t ye = year_number(y, &year);
      if (ye) {
        f->year = year;
        f->rule = "month day year";
        e = ye;
      }
      if (day > days_in_month(f->year == Frame::kNoYear ? 2000 : f->year, month)) return 0;
      // "March 3-5": a second date in the same month.
      int day2 = 0;
      if (second && (punct(e, '-') || is(e, Tag::kTo) || is(e, Tag::kThrough)) &&
          digits(e + 1, 1, 2) && day_number(e + 1, &day2) && day2 > day) {
        size_t e2 = day_number(e + 1, &day2);
        second->first = static_cast<uint32_t>(e + 1);
        second->end = static_cast<uint32_t>(e2);
        second->frame = *f;
        second->frame.day = day2;
        second->frame.rule = "range end (month day)";
      }
      return e;
    }
    size_t y = k;
    if (punct(y, ',') || is(y, Tag::kOf)) ++y;
    size_t ye = year_number(y, &year);
    if (ye) {
      f->kind = FrameKind::kDate;
      f->month = month;
      f->year = year;
      f->rule = "month year";
      return ye;
    }
    if (j != i) return 0;  // a weekday before a bare month: not a date
    // "July last year", "January this year"
    if ((is(k, Tag::kLast) || is(k, Tag::kThis) || is(k, Tag::kNext)) && unit(k + 1) == Unit::kYear &&
        !plural(k + 1)) {
      f->kind = FrameKind::kDate;
      f->month = month;
      f->year_from_anchor = true;
      f->year_offset = is(k, Tag::kLast) ? -1 : is(k, Tag::kNext) ? 1 : 0;
      f->rule = "month name and last/this/next year";
      return k + 2;
    }
    const WordInfo* mi = info(j);
    if ((mi->ambiguous || mi->abbrev) && !preposition_before(j)) return 0;
    f->kind = FrameKind::kDate;
    f->month = month;
    f->rule = "month name";
    return k;
  }
  // Day [of] Month [Year]
  size_t e = day_number(j, &day);
  if (!e) return 0;
  if (is(e, Tag::kOf)) ++e;
  k = month_name(e, &month);
  if (!k) return 0;
  f->kind = FrameKind::kDate;
  f->month = month;
  f->day = day;
  f->rule = "day month";
  size_t y = k;
  if (punct(y, ',')) ++y;
  size_t ye = year_number(y, &year);
  if (ye) {
    f->year = year;
    f->rule = "day month year";
    k = ye;
  }
  if (day > days_in_month(f->year == Frame::kNoYear ? 2000 : f->year, month)) return 0;
  return k;
}

size_t Grammar::weekday(size_t i, Frame* f) const {
  const WordInfo* in = info(i);
  if (!in || !in->weekday || !w_[i].capitalized) return 0;
  size_t j = i + 1;
  if (in->abbrev) {
    if (!punct(j, '.')) return 0;
    ++j;
  }
  if (in->plural) {
    f->type = TimeType::kSet;
    f->literal = "XXXX-WXX-" + std::to_string(in->weekday);
    f->rule = "weekday plural (every such day)";
    if (info(j) && info(j)->pod) {
      f->literal += std::string("T") + info(j)->pod;
      ++j;
    }
    return j;
  }
  if (info(j) && info(j)->pod && plural(j)) {
    f->type = TimeType::kSet;
    f->literal = "XXXX-WXX-" + std::to_string(in->weekday) + "T" + info(j)->pod;
    f->rule = "weekday and plural part of day (a set)";
    return j + 1;
  }
  f->kind = FrameKind::kWeekday;
  f->weekday = in->weekday;
  f->rule = "weekday";
  return time_suffix(j, f);
}

size_t Grammar::deictic(size_t i, Frame* f) const {
  switch (tag(i)) {
    case Tag::kToday: case Tag::kYesterday: case Tag::kTomorrow: case Tag::kTonight:
      f->kind = FrameKind::kRelative;
      f->unit = Unit::kDay;
      f->amount = is(i, Tag::kYesterday) ? -1 : is(i, Tag::kTomorrow) ? 1 : 0;
      f->rule = is(i, Tag::kToday) ? "today" : is(i, Tag::kYesterday) ? "yesterday"
                : is(i, Tag::kTomorrow) ? "tomorrow" : "tonight";
      if (is(i, Tag::kTonight)) {
        f->pod = "NI";
        f->type = TimeType::kTime;
        return i + 1;
      }
      // "today's" is the anchor day as well.
      return time_suffix(i + 1, f);
    case Tag::kNow:
      f->literal = "PRESENT_REF";
      f->rule = "now";
      return i + 1;
    case Tag::kRecently:
      f->literal = "PAST_REF";
      f->rule = "recently";
      return i + 1;
    case Tag::kThe: {
      size_t j = i + 1;
      if (word(j, "near") || word(j, "distant") || word(j, "foreseeable") || word(j, "immediate")) ++j;
      if (is(j, Tag::kFuture)) {
        f->literal = "FUTURE_REF";
        f->rule = "the future";
        return j + 1;
      }
      if (j == i + 1 && is(j, Tag::kPast) && unit(j + 1) == Unit::kNone && !number(j + 1, nullptr, false) &&
          !is(j + 1, Tag::kFew) && !is(j + 1, Tag::kSeveral) && !is(j + 1, Tag::kCouple) &&
          !(info(j + 1) && (info(j + 1)->weekday || info(j + 1)->month || info(j + 1)->season))) {
        f->literal = "PAST_REF";
        f->rule = "the past";
        return j + 1;
      }
      return 0;
    }
    default:
      break;
  }
  if (word(i, "these") && word(i + 1, "days")) {
    f->literal = "PRESENT_REF";
    f->rule = "these days";
    return i + 2;
  }
  if (is(i, Tag::kAt) && word(i + 1, "present")) {
    f->literal = "PRESENT_REF";
    f->rule = "at present";
    return i + 2;
  }
  if (is(i, Tag::kIn) && is(i + 1, Tag::kFuture)) {
    f->literal = "FUTURE_REF";
    f->rule = "in future";
    return i + 2;
  }
  return 0;
}

// [the] (last|next|this|past|coming|previous|following|upcoming|current) [fiscal] ...
size_t Grammar::relative(size_t i, Frame* f) const {
  size_t j = i;
  const bool the = is(j, Tag::kThe);
  if (the) ++j;
  bool shifted = false;  // "earlier this year": the same value as "this year"
  if (!the && (is(j, Tag::kEarlier) || is(j, Tag::kLater)) &&
      (is(j + 1, Tag::kThis) || is(j + 1, Tag::kLast) || is(j + 1, Tag::kNext))) {
    shifted = true;
    ++j;
  }
  if (the && unit(j) == Unit::kWeekend && !plural(j)) {
    f->kind = FrameKind::kWeekend;
    f->rule = "the weekend";
    return j + 1;
  }
  const Tag m = tag(j);
  int amount = 0;
  bool past_word = false;
  switch (m) {
    case Tag::kLast: case Tag::kPrevious: amount = -1; break;
    case Tag::kPast: amount = -1; past_word = true; break;
    case Tag::kNext: case Tag::kComing: case Tag::kFollowing: case Tag::kUpcoming: amount = 1; break;
    case Tag::kThis: case Tag::kCurrent: amount = 0; break;
    default: return 0;
  }
  if (the && m == Tag::kThis) return 0;
  ++j;
  if (the && m == Tag::kPast && (is(j, Tag::kThe) || j >= n_)) return 0;
  if (is(j, Tag::kFiscal)) ++j;
  // Counted: "the past two weeks", "the next 48 hours", "last three years".
  double n = 0;
  size_t e = number(j, &n, false);
  if (e && !shifted && amount != 0 && unit(e) != Unit::kNone && (plural(e) || n == 1)) {
    f->type = TimeType::kDuration;
    f->literal = duration_value(n, unit(e));
    f->rule = "last/next N units (a duration)";
    return e + 1;
  }
  if (!shifted && amount != 0) {
    size_t k = j;
    if (is(k, Tag::kA) && is(k + 1, Tag::kFew)) ++k;
    if (is(k, Tag::kCouple) && is(k + 1, Tag::kOf)) ++k;
    if ((is(k, Tag::kFew) || is(k, Tag::kSeveral) || is(k, Tag::kMany) || is(k, Tag::kOf)) &&
        unit(k + 1) != Unit::kNone && plural(k + 1)) {
      f->type = TimeType::kDuration;
      f->literal = duration_value(-1, unit(k + 1));
      f->rule = "last/next few units (a duration)";
      return k + 2;
    }
  }
  const Unit u = unit(j);
  if (u != Unit::kNone && !plural(j)) {
    if (u == Unit::kWeekend) {
      f->kind = FrameKind::kRelative;
      f->unit = Unit::kWeekend;
      f->amount = amount;
      f->rule = "this/last/next weekend";
      return j + 1;
    }
    // "the next day", "the last day of": relative to the story or part of a larger phrase.
    if (u == Unit::kDay && !past_word) return 0;
    const bool story_relative = the && (m == Tag::kFollowing || m == Tag::kPrevious);
    if (!shifted && !story_relative && amount != 0 && (the || past_word || is_time_unit(u))) {
      f->type = TimeType::kDuration;
      f->literal = duration_value(1, u);
      f->rule = "the past/last unit (a duration)";
      return j + 1;
    }
    f->kind = FrameKind::kRelative;
    f->unit = u == Unit::kFortnight ? Unit::kWeek : u;
    f->amount = u == Unit::kFortnight ? 2 * amount : amount;
    f->rule = amount < 0 ? "last unit" : amount > 0 ? "next unit" : "this unit";
    return j + 1;
  }
  if (u != Unit::kNone && plural(j) && (past_word || the || m == Tag::kComing) && !shifted) {
    f->type = TimeType::kDuration;
    f->literal = duration_value(-1, u);
    f->rule = "the past units (a duration)";
    return j + 1;
  }
  const WordInfo* in = info(j);
  if (!in || the) return 0;
  if (in->weekday && !in->plural && w_[j].capitalized) {
    f->kind = FrameKind::kWeekday;
    f->weekday = in->weekday;
    f->dir = amount;
    f->rule = amount < 0 ? "last weekday" : amount > 0 ? "next weekday" : "this weekday";
    return time_suffix(j + 1, f);
  }
  int month = 0;
  if (size_t k = month_name(j, &month)) {
    f->kind = FrameKind::kDate;
    f->month = month;
    f->dir = amount == 0 ? Frame::kSameYear : amount;
    f->rule = amount < 0 ? "last month name" : amount > 0 ? "next month name" : "this month name";
    return k;
  }
  if (in->season) {
    f->kind = FrameKind::kSeason;
    f->season = in->season;
    f->dir = amount == 0 ? Frame::kSameYear : amount;
    f->rule = "last/this/next season";
    return j + 1;
  }
  if (in->pod && !in->plural && (amount <= 0)) {
    // "this morning", "last night"
    f->kind = FrameKind::kRelative;
    f->unit = Unit::kDay;
    f->amount = amount;
    f->pod = in->pod;
    f->type = TimeType::kTime;
    f->rule = amount < 0 ? "last night" : "this part of the day";
    return j + 1;
  }
  return 0;
}

// "two weeks ago", "a year earlier", "three days later", "50 years ago", "years ago".
size_t Grammar::ago(size_t i, Frame* f) const {
  double n = -1;
  size_t e = number(i, &n, true);
  if (!e) {
    size_t k = i;
    if (is(k, Tag::kA) && is(k + 1, Tag::kFew)) ++k;
    if (is(k, Tag::kSeveral) || is(k, Tag::kFew) || is(k, Tag::kMany) || is(k, Tag::kSome)) {
      e = k + 1;
    } else if (unit(k) != Unit::kNone && plural(k)) {
      e = k;
    } else {
      return 0;
    }
    n = -1;
  }
  const Unit u = unit(e);
  if (u == Unit::kNone || u == Unit::kWeekend) return 0;
  size_t k = e + 1;
  int sign = 0;
  if (is(k, Tag::kAgo) || is(k, Tag::kEarlier)) {
    sign = -1;
    ++k;
  } else if (is(k, Tag::kLater) || is(k, Tag::kHence)) {
    sign = 1;
    ++k;
  } else if (is(k, Tag::kFrom) && is(k + 1, Tag::kNow)) {
    sign = 1;
    k += 2;
  } else {
    return 0;
  }
  if (n < 0 || n != std::floor(n)) {
    f->literal = sign < 0 ? "PAST_REF" : "FUTURE_REF";
    f->rule = "some units ago/later";
    return k;
  }
  f->kind = FrameKind::kRelative;
  const int a = static_cast<int>(n) * sign;
  switch (u) {
    case Unit::kSecond: case Unit::kMinute: case Unit::kHour:
      f->unit = Unit::kDay;
      f->amount = 0;
      break;
    case Unit::kFortnight: f->unit = Unit::kWeek; f->amount = 2 * a; break;
    case Unit::kHalfYear: f->unit = Unit::kMonth; f->amount = 6 * a; break;
    default: f->unit = u; f->amount = a; break;
  }
  f->reference_period = u == Unit::kYear;
  f->rule = sign < 0 ? "N units ago" : "N units later";
  return k;
}

// "year-earlier", "the year-ago quarter", "the year-earlier period": the same period a year
// before the one under discussion.
size_t Grammar::year_ago(size_t i, Frame* f) const {
  size_t j = i;
  if (is(j, Tag::kThe)) ++j;
  if (word(j, "comparable") || word(j, "corresponding") || word(j, "same")) ++j;
  if (!(unit(j) == Unit::kYear && !plural(j) && punct(j + 1, '-') && adjacent(j + 1) &&
        (is(j + 2, Tag::kAgo) || is(j + 2, Tag::kEarlier)))) {
    return 0;
  }
  size_t k = j + 3;
  if (unit(k) == Unit::kQuarter || word(k, "period")) {
    ++k;
  } else if (j != i) {
    return 0;  // "the year-ago results": keep to the bare adjective
  }
  f->kind = FrameKind::kRelative;
  f->unit = Unit::kYear;
  f->amount = -1;
  f->reference_period = true;
  f->rule = "year-ago period";
  return k;
}

// "three years", "48-hour", "a week" (after "for", "in", ...), "two and a half years",
// "half an hour", "several months", bare "decades" after a preposition.
size_t Grammar::duration(size_t i, Frame* f) const {
  const bool article_ok = i > 0 && (is(i - 1, Tag::kFor) || is(i - 1, Tag::kOver) ||
                                    is(i - 1, Tag::kWithin) || is(i - 1, Tag::kIn) ||
                                    is(i - 1, Tag::kAbout) || is(i - 1, Tag::kNearly) ||
                                    is(i - 1, Tag::kThan) || is(i - 1, Tag::kAfter) ||
                                    is(i - 1, Tag::kTo) || is(i - 1, Tag::kDuring) ||
                                    is(i - 1, Tag::kAtLeast) || is(i - 1, Tag::kSome) ||
                                    is(i - 1, Tag::kOnce));
  double n = 0;
  size_t e = number(i, &n, article_ok);
  f->type = TimeType::kDuration;
  if (e) {
    size_t k = e;
    const bool hyphen = punct(k, '-') && adjacent(k) && adjacent(k + 1);
    if (hyphen) ++k;
    if (is(k, Tag::kAnd) && is(k + 1, Tag::kA) && is(k + 2, Tag::kHalf)) {
      n += 0.5;
      k += 3;
    }
    const Unit u = unit(k);
    if (u == Unit::kNone) return 0;
    // "three-quarters", "a quarter of": fractions, not periods.
    if (u == Unit::kQuarter && (is(i, Tag::kA) || (hyphen && plural(k)) || is(k + 1, Tag::kOf))) {
      return 0;
    }
    // "a 44-year-old", "52 years old": ages.
    if (word(k + 1, "old") || (punct(k + 1, '-') && word(k + 2, "old"))) return 0;
    ++k;
    if (is(k, Tag::kAnd) && is(k + 1, Tag::kA) && is(k + 2, Tag::kHalf)) {
      n += 0.5;
      k += 3;
    }
    if (punct(k, '-') && adjacent(k) && word(k + 1, "long")) k += 2;
    f->literal = duration_value(n, u);
    f->rule = "N units";
    return k;
  }
  if (is(i, Tag::kHalf) && is(i + 1, Tag::kA) && unit(i + 2) != Unit::kNone && !plural(i + 2)) {
    const Unit u = unit(i + 2);
    f->literal = u == Unit::kHour ? "PT30M" : u == Unit::kDay ? "PT12H" : u == Unit::kYear ? "P6M"
                 : u == Unit::kDecade ? "P5Y" : u == Unit::kCentury ? "P50Y"
                 : duration_value(0.5, u);
    f->rule = "half a unit";
    return i + 3;
  }
  size_t j = i;
  if (is(j, Tag::kA) && is(j + 1, Tag::kCouple) && is(j + 2, Tag::kOf) && unit(j + 3) != Unit::kNone &&
      plural(j + 3)) {
    f->literal = duration_value(2, unit(j + 3));
    f->rule = "a couple of units";
    return j + 4;
  }
  if (is(j, Tag::kA) && is(j + 1, Tag::kFew)) ++j;
  if (is(j, Tag::kSeveral) || is(j, Tag::kFew) || is(j, Tag::kMany) || is(j, Tag::kSome) ||
      is(j, Tag::kOf) || is(j, Tag::kRecent)) {
    const Unit u = unit(j + 1);
    if (u != Unit::kNone && plural(j + 1) && u != Unit::kWeekend && !(is(j, Tag::kOf) && j == i)) {
      f->literal = duration_value(-1, u);
      f->rule = is(j, Tag::kRecent) ? "recent units" : "some units";
      return j + 2;
    }
  }
  if (unit(i) != Unit::kNone && plural(i) && unit(i) != Unit::kWeekend) {
    const bool long_suffix = punct(i + 1, '-') && adjacent(i + 1) && word(i + 2, "long");
    if (long_suffix || (i > 0 && (is(i - 1, Tag::kFor) || is(i - 1, Tag::kOver) ||
                                  is(i - 1, Tag::kWithin) || is(i - 1, Tag::kIn) ||
                                  is(i - 1, Tag::kAfter) || is(i - 1, Tag::kDuring)))) {
      f->literal = duration_value(-1, unit(i));
      f->rule = "units (unspecified number)";
      return long_suffix ? i + 3 : i + 1;
    }
  }
  return 0;
}

// "every week", "each year", "every other day", "every Monday", "daily", "twice a year".
size_t Grammar::set(size_t i, Frame* f) const {
  f->type = TimeType::kSet;
  if (is(i, Tag::kEvery) || is(i, Tag::kEach)) {
    size_t j = i + 1;
    double n = 1;
    if (word(j, "other")) {
      n = 2;
      ++j;
    } else if (size_t e = number(j, &n, false)) {
      j = e;
    }
    const WordInfo* in = info(j);
    if (!in) return 0;
    if (in->unit == Unit::kWeekend) {
      f->literal = "XXXX-WXX-WE";
    } else if (in->unit != Unit::kNone && (plural(j) == (n != 1))) {
      f->literal = duration_value(n, in->unit);
    } else if (in->weekday && w_[j].capitalized) {
      f->literal = "XXXX-WXX-" + std::to_string(in->weekday);
      if (info(j + 1) && info(j + 1)->pod) {
        f->literal += std::string("T") + info(j + 1)->pod;
        ++j;
      }
    } else if (in->pod) {
      f->literal = std::string("XXXX-XX-XXT") + in->pod;
    } else if (in->month && w_[j].capitalized && !in->abbrev) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d", in->month);
      f->literal = buf;
    } else {
      return 0;
    }
    f->rule = "every unit";
    return j + 1;
  }
  // "Daily" inside a sentence is a name ("the Daily Mail"), not a frequency.
  const bool name = i > 0 && i < n_ && w_[i].capitalized && !punct(i - 1, '"');
  switch (tag(i)) {
    case Tag::kDaily: case Tag::kWeekly: case Tag::kMonthly: case Tag::kYearly: case Tag::kHourly:
      if (name) return 0;
      break;
    default:
      break;
  }
  switch (tag(i)) {
    case Tag::kDaily: f->literal = "P1D"; break;
    case Tag::kWeekly: f->literal = "P1W"; break;
    case Tag::kMonthly: f->literal = "P1M"; break;
    case Tag::kQuarterly: return 0;  // "quarterly earnings": a kind of report, not a set
    case Tag::kYearly:
      if (word(i, "annual")) return 0;  // an adjective of kind ("annual report"), not a set
      f->literal = "P1Y";
      break;
    case Tag::kHourly: f->literal = "PT1H"; break;
    case Tag::kA: case Tag::kPer: {
      if (unit(i + 1) == Unit::kNone || plural(i + 1)) return 0;
      if (!is(i, Tag::kPer) && !(i > 0 && (is(i - 1, Tag::kOnce) || is(i - 1, Tag::kTwice) ||
                                           is(i - 1, Tag::kTimes)))) {
        return 0;
      }
      f->literal = duration_value(1, unit(i + 1));
      f->rule = "times a unit";
      return i + 2;
    }
    default: return 0;
  }
  f->rule = "frequency adverb";
  return i + 1;
}

// "the third quarter", "third-quarter", "the fiscal first quarter of 2025", "Q3 2025",
// "the first half", "the latest quarter".
size_t Grammar::quarter(size_t i, Frame* f) const {
  size_t j = i;
  const bool the = is(j, Tag::kThe);
  if (the) ++j;
  // "this year's third quarter", "the 1988 second quarter"
  int prefix_year = 0, prefix_offset = 0;
  bool prefix_relative = false;
  if ((is(j, Tag::kThis) || is(j, Tag::kLast) || is(j, Tag::kNext)) && unit(j + 1) == Unit::kYear &&
      !plural(j + 1) && punct(j + 2, '\'') && word(j + 3, "s")) {
    prefix_relative = true;
    prefix_offset = is(j, Tag::kLast) ? -1 : is(j, Tag::kNext) ? 1 : 0;
    j += 4;
  } else if (size_t ye = year_number(j, &prefix_year); ye && (info(ye) && info(ye)->ordinal)) {
    j = ye;
  } else {
    prefix_year = 0;
  }
  if (is(j, Tag::kFiscal)) ++j;
  int part = 0;
  size_t k = 0;
  Unit u = Unit::kQuarter;
  if (info(j) && info(j)->ordinal >= 1 && info(j)->ordinal <= 4) {
    part = info(j)->ordinal;
    k = j + 1;
  } else if (digits(j, 1, 1) && w_[j].number >= 1 && w_[j].number <= 4 && adjacent(j + 1) &&
             (word(j + 1, "st") || word(j + 1, "nd") || word(j + 1, "rd") || word(j + 1, "th"))) {
    part = w_[j].number;
    k = j + 2;
  } else if ((word(j, "q") || word(j, "h")) && digits(j + 1, 1, 1) && adjacent(j + 1) &&
             w_[j + 1].number >= 1 && w_[j + 1].number <= (word(j, "q") ? 4 : 2)) {
    part = w_[j + 1].number;
    u = word(j, "q") ? Unit::kQuarter : Unit::kHalfYear;
    k = j + 2;
  }
  if (part && k == j + 2 && (word(j, "q") || word(j, "h"))) {
    // Q3 [2025]
  } else if (part) {
    if (punct(k, '-') && adjacent(k)) ++k;
    if (is(k, Tag::kFiscal)) ++k;
    if (unit(k) == Unit::kQuarter && !plural(k)) {
      u = Unit::kQuarter;
    } else if (is(k, Tag::kHalf) && part <= 2) {
      u = Unit::kHalfYear;
    } else {
      return 0;
    }
    ++k;
  } else {
    // "the quarter", "the latest quarter": the quarter being reported.
    if (!the) return 0;
    if (word(j, "latest") || word(j, "same")) ++j;
    else if (word(j, "most") && word(j + 1, "recent")) j += 2;
    if (unit(j) != Unit::kQuarter || plural(j) || word(j - 1, "same")) return 0;
    f->kind = FrameKind::kRelative;
    f->unit = Unit::kQuarter;
    f->amount = 0;
    f->past_shift = true;
    f->rule = "the quarter (being reported)";
    return j + 1;
  }
  f->kind = FrameKind::kQuarter;
  f->unit = u;
  f->part = part;
  f->rule = u == Unit::kQuarter ? "ordinal quarter" : "half year";
  if (prefix_relative) {
    f->year_from_anchor = true;
    f->year_offset = prefix_offset;
    return k;
  }
  if (prefix_year) {
    f->year = prefix_year;
    return k;
  }
  size_t y = k;
  if (is(y, Tag::kOf) || punct(y, ',') || is(y, Tag::kIn)) ++y;
  if (is(y, Tag::kFiscal)) ++y;
  int year = 0;
  if (size_t ye = year_number(y, &year)) {
    f->year = year;
    return ye;
  }
  return k;
}

size_t Grammar::season(size_t i, Frame* f) const {
  const WordInfo* in = info(i);
  if (!in || !in->season) return 0;
  size_t k = i + 1;
  if (is(k, Tag::kOf) || punct(k, ',')) ++k;
  int year = 0;
  if (size_t ye = year_number(k, &year)) {
    f->kind = FrameKind::kSeason;
    f->season = in->season;
    f->year = year;
    f->rule = "season year";
    return ye;
  }
  if (i == 0) return 0;
  const Tag p = tag(i - 1);
  const bool ok = p == Tag::kIn || p == Tag::kThe || p == Tag::kDuring || p == Tag::kSince ||
                  p == Tag::kUntil || p == Tag::kBy || p == Tag::kEarly || p == Tag::kLate ||
                  p == Tag::kMid || p == Tag::kOver || p == Tag::kFor || p == Tag::kAfter ||
                  p == Tag::kBefore || p == Tag::kThrough || (p == Tag::kTo && !in->ambiguous) ||
                  (punct(i - 1, '-') && i >= 2 && is(i - 2, Tag::kMid));
  if (!ok) return 0;
  if (in->ambiguous && is(i + 1, Tag::kOf)) return 0;  // "the fall of the city"
  f->kind = FrameKind::kSeason;
  f->season = in->season;
  f->rule = "season";
  return i + 1;
}

// "1998", "fiscal 1989", "the 1990s", "'90s", "mid-1990s", "1990-95".
size_t Grammar::year(size_t i, Frame* f, Match* second) const {
  size_t j = i;
  const bool fiscal = is(j, Tag::kFiscal);
  if (fiscal) {
    ++j;
    if (unit(j) == Unit::kYear && !plural(j)) ++j;
  }
  const bool the = !fiscal && is(j, Tag::kThe);
  if (the) ++j;
  // Decades and centuries: 1990s, '90s.
  if (digits(j, 4, 4) && adjacent(j + 1) && word(j + 1, "s")) {
    const int y = w_[j].number;
    char buf[16];
    if (y % 100 == 0 && y != 2000) {
      std::snprintf(buf, sizeof buf, "%02d", y / 100);
    } else {
      std::snprintf(buf, sizeof buf, "%03d", y / 10);
    }
    f->literal = buf;
    f->rule = "decade";
    return j + 2;
  }
  if (punct(j, '\'') && digits(j + 1, 2, 2) && adjacent(j + 1) && adjacent(j + 2) && word(j + 2, "s")) {
    const int yy = w_[j + 1].number;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", (yy < 30 ? 2000 + yy : 1900 + yy) / 10);
    f->literal = buf;
    f->rule = "decade";
    return j + 3;
  }
  if (the) return 0;
  int y = 0;
  size_t e = year_number(j, &y);
  if (!e) return 0;
  if (!fiscal && w_[j].digits == 4 && (y < 1900 || y > 2099)) {
    // Outside the years news mostly names, a number is a year only after a preposition
    // that takes one ("in 1848", "since 1776").
    const Tag p = j > 0 ? tag(j - 1) : Tag::kNone;
    if (p != Tag::kIn && p != Tag::kSince && p != Tag::kUntil && p != Tag::kBy &&
        p != Tag::kFrom && p != Tag::kThrough && p != Tag::kDuring && p != Tag::kBefore &&
        p != Tag::kAfter && p != Tag::kEarly && p != Tag::kLate && p != Tag::kMid) {
      return 0;
    }
  }
  if (!fiscal && i + 1 < n_ && (punct(e, '%') || unit(e) != Unit::kNone)) return 0;
  f->literal = format_year(y);
  f->rule = fiscal ? "fiscal year" : "year";
  if (second && punct(e, '-') && adjacent(e) && adjacent(e + 1) && (digits(e + 1, 2, 2) || digits(e + 1, 4, 4))) {
    int y2 = w_[e + 1].number;
    if (w_[e + 1].digits == 2) y2 += (y / 100) * 100;
    if (y2 > y && y2 - y < 200) {
      second->first = static_cast<uint32_t>(e + 1);
      second->end = static_cast<uint32_t>(e + 2);
      second->frame.literal = format_year(y2);
      second->frame.rule = "range end (year)";
    }
  }
  return e;
}

size_t Grammar::holiday(size_t i, Frame* f) const {
  if (i >= n_ || !w_[i].capitalized) return 0;
  for (int h = 0; h < kHolidayCount; ++h) {
    size_t j = i;
    bool ok = true;
    for (const char* const* p = kHolidays[h].words; ok && *p && p < kHolidays[h].words + 5; ++p) {
      ok = word(j, *p);
      ++j;
    }
    if (!ok) continue;
    f->kind = FrameKind::kDate;
    f->holiday = h;
    f->rule = "holiday";
    size_t y = j;
    if (punct(y, ',')) ++y;
    int year = 0;
    if (size_t ye = year_number(y, &year)) {
      f->year = year;
      return ye;
    }
    return j;
  }
  return 0;
}

// "10 a.m. Thursday", "5 p.m. EST, Nov. 6", "10:35 a.m." (on the anchor day).
size_t Grammar::time_first(size_t i, Frame* f) const {
  Frame t;
  const size_t e = clock(i, &t);
  if (!e) return 0;
  size_t j = e;
  if (is(j, Tag::kOn) || punct(j, ',')) ++j;
  Frame d;
  size_t de = weekday(j, &d);
  if (!de) de = deictic(j, &d);
  if (!de) {
    de = month_date(j, &d, nullptr);
    if (de && !d.day) de = 0;
  }
  if (de && d.kind != FrameKind::kLiteral && d.type == TimeType::kDate) {
    *f = d;
    f->rule = "clock time and day";
  } else {
    f->kind = FrameKind::kRelative;
    f->unit = Unit::kDay;
    f->amount = 0;
    f->rule = "clock time (on the anchor day)";
    de = e;
  }
  f->hour = t.hour;
  f->minute = t.minute;
  f->type = TimeType::kTime;
  return de;
}

size_t Grammar::core(size_t i, Frame* f, Match* second) const {
  size_t best = 0;
  Match best_second;
  auto consider = [&](size_t end, Frame& g, const Match& s) {
    if (end > best) {
      best = end;
      *f = std::move(g);
      best_second = s;
    }
  };
  {
    Frame g;
    Match s;
    consider(numeric_date(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(time_first(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    size_t e = month_date(i, &g, &s);
    if (e) e = time_suffix(e, &g);
    consider(e, g, s);
  }
  {
    Frame g;
    Match s;
    consider(weekday(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(deictic(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(relative(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(ago(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(year_ago(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(duration(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(set(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(quarter(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(season(i, &g), g, s);
  }
  {
    Frame g;
    Match s;
    consider(year(i, &g, &s), g, s);
  }
  {
    Frame g;
    Match s;
    consider(holiday(i, &g), g, s);
  }
  if (best && second) *second = best_second;
  return best;
}

// Prefixes that modify a core expression: "early 2025" (START), "mid-November" (MID),
// "the end of March" (END), "nearly two years" (LESS_THAN), "about a decade" (APPROX).
size_t Grammar::modified(size_t i, Frame* f, Match* second) const {
  const char* mod = nullptr;
  size_t j = i;
  bool point = true;  // the modifier applies to points in time, not to durations
  if (is(i, Tag::kEarly) || is(i, Tag::kLate) || is(i, Tag::kMid)) {
    mod = is(i, Tag::kEarly) ? kModStart : is(i, Tag::kLate) ? kModEnd : kModMid;
    j = i + 1;
    if (punct(j, '-')) ++j;
  } else if (is(i, Tag::kThe) &&
             (is(i + 1, Tag::kEnd) || is(i + 1, Tag::kBeginning) || is(i + 1, Tag::kStart) ||
              is(i + 1, Tag::kMiddle)) &&
             is(i + 2, Tag::kOf)) {
    mod = is(i + 1, Tag::kEnd) ? kModEnd : is(i + 1, Tag::kMiddle) ? kModMid : kModStart;
    j = i + 3;
  } else if ((is(i, Tag::kEnd) || is(i, Tag::kBeginning) || is(i, Tag::kStart) ||
              is(i, Tag::kMiddle)) && is(i + 1, Tag::kOf)) {
    mod = is(i, Tag::kEnd) ? kModEnd : is(i, Tag::kMiddle) ? kModMid : kModStart;
    j = i + 2;
  } else {
    point = false;
    if (is(i, Tag::kAbout) || (is(i, Tag::kSome) && number(i + 1, nullptr, false))) {
      mod = "APPROX";
      j = i + 1;
    } else if (is(i, Tag::kNearly)) {
      mod = "LESS_THAN";
      j = i + 1;
    } else if ((is(i, Tag::kMore) || is(i, Tag::kLess)) && is(i + 1, Tag::kThan)) {
      mod = is(i, Tag::kMore) ? "MORE_THAN" : "LESS_THAN";
      j = i + 2;
    } else if (is(i, Tag::kAt) && is(i + 1, Tag::kAtLeast)) {
      mod = "EQUAL_OR_MORE";
      j = i + 2;
    } else if (is(i, Tag::kUp) && is(i + 1, Tag::kTo)) {
      mod = "EQUAL_OR_LESS";
      j = i + 2;
    } else {
      return 0;
    }
  }
  Frame g;
  Match s;
  size_t e = core(j, &g, &s);
  if (!e && point && is(j, Tag::kThe) && !plural(j + 1) &&
      (unit(j + 1) == Unit::kYear || unit(j + 1) == Unit::kMonth || unit(j + 1) == Unit::kWeek ||
       unit(j + 1) == Unit::kDecade || unit(j + 1) == Unit::kCentury ||
       unit(j + 1) == Unit::kQuarter)) {
    // "the end of the year": this year, at its end.
    g = Frame();
    g.kind = FrameKind::kRelative;
    g.unit = unit(j + 1);
    g.rule = "the end/start of the unit";
    e = j + 2;
  }
  if (!e) return 0;
  if (point) {
    const bool ok = g.type == TimeType::kDate && g.kind != FrameKind::kWeekday &&
                    (g.kind != FrameKind::kLiteral ||
                     (!g.literal.empty() && g.literal[0] >= '0' && g.literal[0] <= '9'));
    if (!ok) return 0;
  } else if (g.type != TimeType::kDuration && g.kind != FrameKind::kRelative) {
    return 0;
  }
  *f = std::move(g);
  f->mod = mod;
  if (second) *second = s;
  return e;
}

bool Grammar::match(size_t i, Match* m, Match* second) {
  Frame a, b;
  Match sa, sb;
  const size_t ea = modified(i, &a, &sa);
  const size_t eb = core(i, &b, &sb);
  if (!ea && !eb) return false;
  m->first = static_cast<uint32_t>(i);
  if (ea >= eb) {
    m->end = static_cast<uint32_t>(ea);
    m->frame = std::move(a);
    *second = sa;
  } else {
    m->end = static_cast<uint32_t>(eb);
    m->frame = std::move(b);
    *second = sb;
  }
  return true;
}

}  // namespace

void recognize(const std::vector<Word>& words, std::vector<Match>* out) {
  Grammar g(words);
  size_t i = 0;
  while (i < words.size()) {
    Match m, second;
    // Cheap filter: most words cannot start an expression.
    const Word& w = words[i];
    if (!w.info && !w.digits && w.punct != '\'' && !(w.capitalized && starts_holiday(w.lower))) {
      ++i;
      continue;
    }
    if (!g.match(i, &m, &second)) {
      ++i;
      continue;
    }
    out->push_back(m);
    i = m.end;
    if (second.end > second.first && second.first >= m.end) {
      out->push_back(second);
      i = second.end;
    }
  }
}

CivilDate holiday_date(int index, int year) {
  const Holiday& h = kHolidays[index];
  switch (h.rule) {
    case 1: return add_days(easter_sunday(year), h.day);
    case 2: return nth_weekday_of_month(year, h.month, h.weekday, h.nth);
    default: return {year, h.month, h.day};
  }
}

}  // namespace dateline::dates
