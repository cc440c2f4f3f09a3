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
// A byte of a word: an ASCII letter or any byte of a non-ASCII UTF-8 character.
bool is_word_byte(char c) { return is_alpha(c) || static_cast<unsigned char>(c) >= 0x80; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void skip_spaces(std::string_view s, size_t& i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {  // no-break space
      i += 2;
    } else if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") {
      i += 3;  // narrow no-break space, thin space
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

// The word at `i` (letters, ASCII lower-cased), without consuming it; empty when too long.
std::string_view peek_word(std::string_view s, size_t i, std::array<char, 24>& buf) {
  size_t n = 0;
  while (i + n < s.size() && is_word_byte(s[i + n])) {
    if (n == buf.size()) return {};
    buf[n] = lower(s[i + n]);
    ++n;
  }
  return {buf.data(), n};
}

// The names of the months (and of the weekdays) in one language, each as "|"-separated
// spellings: full name first, then the abbreviations pages print (which may end in ".").
struct Names {
  bool european;  // not English
  std::array<std::string_view, 12> months;
  std::array<std::string_view, 7> weekdays;
};

constexpr Names kNames[] = {
    {false,
     {"january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
      "august|aug", "september|sep|sept", "october|oct", "november|nov", "december|dec"},
     {"monday|mon", "tuesday|tue|tues", "wednesday|wed", "thursday|thu|thur|thurs", "friday|fri",
      "saturday|sat", "sunday|sun"}},
    {true,  // German
     {"januar|jänner", "februar", "märz|mär|mrz", "april", "mai", "juni", "juli", "august",
      "september", "oktober|okt", "november", "dezember|dez"},
     {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend", "sonntag"}},
    {true,  // French
     {"janvier|janv", "février|févr", "mars", "avril|avr", "mai", "juin", "juillet|juil", "août",
      "septembre", "octobre", "novembre", "décembre|déc"},
     {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}},
    {true,  // Spanish
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre|setiembre", "octubre", "noviembre", "diciembre"},
     {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"}},
    {true,  // Italian
     {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
      "ottobre", "novembre", "dicembre"},
     {"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"}},
    {true,  // Portuguese
     {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
      "outubro", "novembro", "dezembro"},
     {"segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"}},
    {true,  // Dutch
     {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december"},
     {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}},
};

// True when `word` is one of the "|"-separated `spellings`.
bool spelled(std::string_view spellings, std::string_view word) {
  while (!spellings.empty()) {
    const size_t bar = spellings.find('|');
    if (spellings.substr(0, bar) == word) return true;
    if (bar == std::string_view::npos) break;
    spellings.remove_prefix(bar + 1);
  }
  return false;
}

// Reads a month (`weekdays` false) or weekday name at `i`: its number (1-12, 1-7) with `i`
// moved past it and a full stop after it, or 0 with `i` unchanged.
int read_name(std::string_view s, size_t& i, const DateReading& r, bool weekdays) {
  std::array<char, 24> buf;
  std::string_view w = peek_word(s, i, buf);
  if (w.size() < 3) return 0;
  for (const Names& lang : kNames) {
    if (lang.european && !r.european_names) continue;
    const size_t n = weekdays ? lang.weekdays.size() : lang.months.size();
    for (size_t k = 0; k < n; ++k) {
      if (!spelled(weekdays ? lang.weekdays[k] : lang.months[k], w)) continue;
      i += w.size();
      if (i < s.size() && s[i] == '.') ++i;
      return static_cast<int>(k + 1);
    }
  }
  return 0;
}

// An optional weekday before a date: "Friday, ", "Fri ", "Thurs., ", "Samstag, ".
void skip_weekday(std::string_view s, size_t& i, const DateReading& r) {
  size_t j = i;
  if (read_name(s, j, r, /*weekdays=*/true)) {
    skip_separator(s, j);
    i = j;
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

// "of" ("6th of March"), "de" ("4 de mayo de 2022").
void skip_date_particle(std::string_view s, size_t& i) {
  for (std::string_view p : {"of ", "Of ", "de ", "del "}) {
    if (s.substr(i, p.size()) == p) {
      i += p.size();
      skip_spaces(s, i);
      return;
    }
  }
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

// Numeric year-first dates: 2026-03-06, 2026/03/06, 2026.03.06, 2026-03.
bool parse_year_first(std::string_view s, size_t& i, DateTime* dt) {
  size_t j = i;
  if (!read_number(s, j, 4, 4, &dt->year)) return false;
  if (j >= s.size() || (s[j] != '-' && s[j] != '/' && s[j] != '.')) return false;
  char sep = s[j++];
  if (!read_number(s, j, 1, 2, &dt->month) || dt->month == 0) return false;
  dt->day = 0;
  if (j < s.size() && s[j] == sep) {
    size_t k = j + 1;
    if (read_number(s, k, 1, 2, &dt->day)) j = k;
  }
  i = j;
  return true;
}

// Numeric day-first dates: 19.10.2019 (always day first), 19/10/2019 or 10/19/2019 (as the
// numbers and `reading` say), 19-10-2019.
bool parse_numeric_dmy(std::string_view s, size_t& i, DateTime* dt, const DateReading& r) {
  size_t j = i;
  int a = 0, b = 0;
  if (!read_number(s, j, 1, 2, &a)) return false;
  if (j >= s.size() || (s[j] != '.' && s[j] != '/' && s[j] != '-')) return false;
  const char sep = s[j++];
  if (sep == '.') skip_spaces(s, j);
  if (!read_number(s, j, 1, 2, &b)) return false;
  if (j >= s.size() || s[j] != sep) return false;
  ++j;
  if (sep == '.') skip_spaces(s, j);
  // "28.09.19" and "12:44" run together ("28.09.1912:44") is not the year 1912.
  if (!read_number(s, j, 4, 4, &dt->year) || (j < s.size() && s[j] == ':')) return false;
  const bool day_first = sep == '.' || a > 12 || (b <= 12 && r.day_first);
  dt->day = day_first ? a : b;
  dt->month = day_first ? b : a;
  i = j;
  return true;
}

// Worded dates, month first or day first, with an optional weekday before them.
bool parse_worded(std::string_view s, size_t& i, DateTime* dt, const DateReading& r) {
  size_t j = i;
  skip_weekday(s, j, r);
  dt->day = 0;
  if ((dt->month = read_name(s, j, r, /*weekdays=*/false)) != 0) {
    // "March 6th, 2026", "March 6 2026", "March 2026", "March, 2026".
    size_t k = j;
    skip_spaces(s, k);
    int day = 0;
    if (read_number(s, k, 1, 2, &day)) {
      skip_ordinal_suffix(s, k);
      skip_separator(s, k);
      if (!read_number(s, k, 4, 4, &dt->year)) return false;  // "March 6" alone: no year
      dt->day = day;
    } else {
      skip_separator(s, k);
      if (!read_number(s, k, 4, 4, &dt->year)) return false;
    }
    i = k;
    return true;
  }
  // "6 March 2026", "6th of March, 2026", "06 Mar 2026", "19. Oktober 2019",
  // "4 de mayo de 2022".
  int day = 0;
  if (!read_number(s, j, 1, 2, &day)) return false;
  skip_ordinal_suffix(s, j);
  if (j < s.size() && s[j] == '.') ++j;
  skip_spaces(s, j);
  skip_date_particle(s, j);
  if ((dt->month = read_name(s, j, r, /*weekdays=*/false)) == 0) return false;
  skip_separator(s, j);
  skip_date_particle(s, j);
  if (!read_number(s, j, 4, 4, &dt->year)) return false;
  dt->day = day;
  i = j;
  return true;
}

// A date starting exactly at `i`; on success fills the date fields and moves `i` past it.
bool parse_date_at(std::string_view s, size_t& i, DateTime* dt, const DateReading& r) {
  DateTime d;
  size_t j = i;
  if (!parse_year_first(s, j, &d)) {
    j = i;
    if (!parse_numeric_dmy(s, j, &d, r)) {
      j = i;
      d = DateTime();
      if (!parse_worded(s, j, &d, r)) return false;
    }
  }
  if (!valid_date(d.year, d.month, d.day)) return false;
  *dt = d;
  i = j;
  return true;
}

struct Zone {
  std::string_view name;
  int minutes;
};

// Zone abbreviations that name one offset each (not "IST", which is India's or Ireland's).
constexpr Zone kZones[] = {
    {"utc", 0},     {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240}, {"cst", -360},
    {"cdt", -300},  {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540},
    {"akdt", -480}, {"hst", -600}, {"bst", 60},   {"cet", 60},   {"cest", 120}, {"mez", 60},
    {"mesz", 120},  {"eet", 120},  {"eest", 180}, {"wet", 0},    {"west", 60},  {"jst", 540},
    {"kst", 540},   {"aest", 600}, {"aedt", 660}, {"awst", 480}, {"nzst", 720}, {"nzdt", 780},
};

// "+05:00", "+0500", "+05", "-07:00".
bool read_numeric_offset(std::string_view s, size_t& i, int* minutes) {
  if (i >= s.size() || (s[i] != '+' && s[i] != '-' && s.substr(i, 3) != "\xE2\x88\x92")) {
    return false;
  }
  const bool minus = s[i] != '+';
  size_t j = i + (s[i] == '+' || s[i] == '-' ? 1 : 3);
  int h = 0, m = 0;
  size_t k = j;
  if (read_number(s, k, 4, 4, &h)) {
    m = h % 100;
    h /= 100;
  } else {
    k = j;
    if (!read_number(s, k, 1, 2, &h)) return false;
    if (k < s.size() && s[k] == ':') {
      ++k;
      if (!read_number(s, k, 2, 2, &m)) return false;
    }
  }
  if (h > 14 || m > 59) return false;
  *minutes = (minus ? -1 : 1) * (h * 60 + m);
  i = k;
  return true;
}

// A time of day after a date, with its zone: "T10:15:00.000+05:00", " 10:15 GMT",
// ", 8:30 pm EST", " at 6:09 p.m. MDT", ", 15:30 Uhr", " - 18:09". Leaves `i` where it was
// when none follows.
void read_time(std::string_view s, size_t& i, DateTime* dt) {
  size_t j = i;
  if (j < s.size() && s[j] == 'T') {
    ++j;
  } else {
    skip_spaces(s, j);
    while (j < s.size() && (s[j] == ',' || s[j] == '-' || s[j] == '|' || s[j] == '/' ||
                            s[j] == '@' || s[j] == ';')) {
      ++j;
      skip_spaces(s, j);
    }
    if (s.substr(j, 2) == "\xC2\xB7") {  // middle dot
      j += 2;
      skip_spaces(s, j);
    }
    std::array<char, 24> buf;
    std::string_view w = peek_word(s, j, buf);
    if (w == "at" || w == "um" || w == "à" || w == "alle" || w == "om" || w == "às") {
      j += w.size();
      skip_spaces(s, j);
    }
  }
  int hour = 0, minute = 0, second = 0;
  if (!read_number(s, j, 1, 2, &hour) || j >= s.size() || s[j] != ':') return;
  ++j;
  if (!read_number(s, j, 2, 2, &minute)) return;
  if (j < s.size() && s[j] == ':') {
    size_t k = j + 1;
    if (read_number(s, k, 2, 2, &second)) j = k;
    if (j < s.size() && (s[j] == '.' || s[j] == ',') && j + 1 < s.size() && is_digit(s[j + 1])) {
      ++j;
      while (j < s.size() && is_digit(s[j])) ++j;  // fractions of a second
    }
  }
  size_t k = j;
  skip_spaces(s, k);
  // Meridiem: "pm", "PM", "p.m.", "a.m.".
  std::array<char, 24> buf;
  std::string_view w = peek_word(s, k, buf);
  bool meridiem = false, pm = false;
  if (w == "am" || w == "pm") {
    meridiem = true, pm = w == "pm";
    k += 2;
  } else if ((w == "a" || w == "p") && s.substr(k + 1, 3) == ".m.") {
    meridiem = true, pm = w == "p";
    k += 4;
  }
  if (meridiem) {
    if (hour < 1 || hour > 12) return;
    hour = hour % 12 + (pm ? 12 : 0);
    j = k;
  }
  if (hour > 23 || minute > 59 || second > 60) return;
  dt->hour = hour, dt->minute = minute, dt->second = second;
  dt->has_offset = false, dt->offset_minutes = 0;
  // Zone: "Z", "+05:00" right after the time; "GMT", "EST", "UTC+2" after a space; "Uhr".
  k = j;
  if (k < s.size() && s[k] == 'Z' && (k + 1 == s.size() || !is_word_byte(s[k + 1]))) {
    dt->has_offset = true;
    j = k + 1;
  } else {
    int minutes = 0;
    size_t after_space = k;
    skip_spaces(s, after_space);
    if (after_space > k && after_space + 4 < s.size() && is_digit(s[after_space + 1])) {
      k = after_space;  // "10:15:00 +0100", as RFC 822 writes it
    }
    if (read_numeric_offset(s, k, &minutes)) {
      dt->has_offset = true, dt->offset_minutes = minutes;
      j = k;
      // A zone name in brackets after the offset: "+0000 (UTC)".
      skip_spaces(s, k);
      if (k < s.size() && s[k] == '(') {
        size_t e = k + 1;
        while (e < s.size() && is_alpha(s[e])) ++e;
        if (e < s.size() && s[e] == ')' && e > k + 1) j = e + 1;
      }
    } else {
      k = j;
      skip_spaces(s, k);
      if (k < s.size() && s[k] == '(') ++k;
      w = peek_word(s, k, buf);
      if (w == "uhr" || w == "h") {
        j = k + w.size();
      } else {
        for (const Zone& z : kZones) {
          if (w != z.name) continue;
          k += w.size();
          dt->has_offset = true, dt->offset_minutes = z.minutes;
          if ((w == "utc" || w == "gmt") && read_numeric_offset(s, k, &minutes)) {
            dt->offset_minutes = minutes;
          }
          if (k < s.size() && s[k] == ')') ++k;
          j = k;
          break;
        }
      }
    }
  }
  i = j;
}

std::string format_date(int y, int m, int d) {
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

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool at_word_start(std::string_view s, size_t i) {
  if (!is_alpha(s[i]) && !is_digit(s[i]) && static_cast<unsigned char>(s[i]) < 0xC0) return false;
  return i == 0 || !(is_word_byte(s[i - 1]) || is_digit(s[i - 1]));
}

}  // namespace

std::string DateTime::date_iso() const { return format_date(year, month, day); }

std::string DateTime::iso() const {
  std::string out = date_iso();
  if (hour < 0 || day == 0) return out;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
  out += buf;
  if (!has_offset) return out;
  if (offset_minutes == 0) return out + "Z";
  const int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
  return out + buf;
}

std::optional<int64_t> DateTime::utc_minutes() const {
  if (day == 0 || hour < 0 || !has_offset) return std::nullopt;
  return days_from_civil(year, month, day) * 1440 + hour * 60 + minute - offset_minutes;
}

bool parse_date_time(std::string_view s, DateTime* out, const DateReading& reading) {
  size_t i = 0;
  skip_spaces(s, i);
  DateTime dt;
  size_t j = i;
  int compact = 0;
  if (s.size() - i >= 8 && read_number(s, j, 8, 8, &compact)) {
    // Compact "20260306", as some meta tags write it.
    dt.year = compact / 10000, dt.month = (compact / 100) % 100, dt.day = compact % 100;
    if (!valid_date(dt.year, dt.month, dt.day) || dt.day == 0) return false;
    i = j;
  } else if (!parse_date_at(s, i, &dt, reading)) {
    j = i;
    skip_weekday(s, j, reading);
    if (!read_number(s, j, 4, 4, &dt.year) || !valid_date(dt.year, 0, 0)) return false;
    i = j;
  }
  if (dt.day != 0) read_time(s, i, &dt);
  skip_spaces(s, i);
  if (i != s.size()) return false;
  *out = dt;
  return true;
}

bool find_date_time(std::string_view s, DateTime* out, size_t* begin, size_t* end,
                    const DateReading& reading) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!at_word_start(s, i)) continue;
    size_t j = i;
    DateTime dt;
    if (parse_date_at(s, j, &dt, reading) && dt.month != 0) {
      if (dt.day != 0) read_time(s, j, &dt);
      *out = dt;
      *begin = i;
      *end = j;
      return true;
    }
  }
  return false;
}

std::string normalize_date(std::string_view s) {
  DateTime dt;
  return parse_date_time(s, &dt) ? dt.date_iso() : "";
}

bool find_date(std::string_view s, FoundDate* found) {
  DateTime dt;
  size_t begin = 0, end = 0;
  if (!find_date_time(s, &dt, &begin, &end)) return false;
  // The date itself, without the time of day that may follow it.
  size_t j = begin;
  DateTime date_only;
  parse_date_at(s, j, &date_only, {});
  found->iso = dt.date_iso();
  found->begin = begin;
  found->end = j;
  return true;
}

}  // namespace dateline::ingest
