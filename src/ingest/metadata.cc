// SPDX-License-Identifier: Apache-2.0
// Metadata from the article text. News text carries its own metadata in a few conventional
// lines, and they sit in predictable places:
//   top:    a headline (short, no final full stop), a byline ("By Jane Doe"), sometimes a
//           date line, then the first paragraph opening with a dateline ("MIAMI:",
//           "LISBON (Meridian Wire) -", "BEIRUT, Lebanon —");
//   bottom: a credit line ("Published in Dawn, March 6th, 2026"), a copyright line
//           ("© 2025 Latin Times. All rights reserved."), agency notes ("Reporting by ...");
//   anywhere: promotion lines ("Read more:", "Follow us on ...", "Subscribe").
// Each line of each paragraph is classified by small hand-written parsers (no regular
// expressions: they run over every line of every article). A field is only filled when the
// reader left it empty or holds just the --published default, and each filled field records
// the rule as provenance. Lines that are not article text are marked boilerplate so that the
// extraction stages skip them.
#include "ingest/metadata.h"

#include <algorithm>
#include <cstdint>

#include "ingest/date_parser.h"

namespace dateline::ingest {
namespace {

enum class LineKind { kBody, kTitle, kByline, kDate, kCredit, kCopyright, kPromo };

bool is_boilerplate(LineKind k) { return k != LineKind::kBody && k != LineKind::kTitle; }

struct Line {
  Span span;
  uint32_t paragraph = 0;
  LineKind kind = LineKind::kBody;
};

// Longest line that can be a credit, copyright, byline or promotion line.
constexpr size_t kMaxMetaLine = 300;
// Longest first body line that may be a standfirst with the dateline below it.
constexpr size_t kMaxDek = 250;
// Lines from the top in which bylines, date lines and the title are looked for.
constexpr size_t kTopLines = 6;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Trims spaces and the punctuation that may end or wrap a metadata part: ",.;:|" and parens.
std::string_view trim_punct(std::string_view s) {
  auto junk = [](char c) {
    return is_space(c) || c == ',' || c == '.' || c == ';' || c == ':' || c == '|' || c == '(' ||
           c == ')';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// Case-insensitive prefix that ends at a word boundary; removes it from `s`.
bool consume_ci(std::string_view& s, std::string_view prefix) {
  if (!starts_with_ci(s, prefix)) return false;
  if (s.size() > prefix.size() && is_alpha(prefix.back()) && is_alpha(s[prefix.size()])) {
    return false;
  }
  s.remove_prefix(prefix.size());
  return true;
}

bool contains_ci(std::string_view s, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (starts_with_ci(s.substr(i), needle)) return true;
  }
  return false;
}

template <typename F>
void for_each_word(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) f(s.substr(b, i - b));
  }
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  for_each_word(s, [&](std::string_view) { ++n; });
  return n;
}

// Lower-case words allowed inside a proper name ("Center for Strategic and International
// Studies", "Voice of America", "Le Monde", "Al Jazeera").
bool is_name_connector(std::string_view w) {
  static constexpr std::string_view kWords[] = {"of",  "the", "and", "for", "on", "in",  "&",
                                                "de",  "la",  "le",  "el",  "du", "des", "al",
                                                "der", "van", "von", "da",  "di", "y",   "-"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// A publication or person name: 1..max_words words, the first capitalised (or a digit, or
// non-ASCII), the others capitalised or connectors, no sentence punctuation inside.
bool is_name_like(std::string_view s, size_t max_words) {
  s = trim(s);
  if (s.empty() || s.size() > 80) return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (!(is_alpha(c) || is_digit(c) || u >= 0x80 || c == ' ' || c == '.' || c == '\'' ||
          c == '&' || c == '-')) {
      return false;
    }
  }
  size_t words = 0;
  bool ok = true;
  for_each_word(s, [&](std::string_view w) {
    char c = w[0];
    bool capital = is_upper(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
    if (words == 0 ? !capital : !(capital || is_name_connector(w))) ok = false;
    ++words;
  });
  return ok && words >= 1 && words <= max_words;
}

// --- line parsers -----------------------------------------------------------------------

struct CreditLine {
  std::string outlet;
  std::string published;
  std::string byline;
};

// "Published in Dawn, March 6th, 2026", "This article first appeared in The Conversation",
// "Originally published by Foo Weekly on 6 March 2026", "Published: March 6, 2026".
bool parse_credit(std::string_view line, CreditLine* out) {
  std::string_view s = line;
  bool subject = consume_ci(s, "this article ") || consume_ci(s, "this story ") ||
                 consume_ci(s, "this report ") || consume_ci(s, "the article ");
  if (subject) consume_ci(s, "was ");
  consume_ci(s, "first ") || consume_ci(s, "originally ");
  bool verb = consume_ci(s, "published") || (subject && consume_ci(s, "appeared"));
  if (!verb) return false;
  if (!s.empty() && s[0] == ':') s.remove_prefix(1);
  s = trim(s);
  bool preposition = consume_ci(s, "in ") || consume_ci(s, "on ") || consume_ci(s, "by ");
  s = trim(s);
  FoundDate date;
  std::string_view outlet = s;
  if (find_date(s, &date)) {
    std::string_view after = trim_punct(s.substr(date.end));
    // After the date only a time of day may follow ("March 6, 2026 10:15 GMT").
    if (!after.empty() && !is_digit(after[0])) return false;
    outlet = s.substr(0, date.begin);
    outlet = trim_punct(outlet);
    if (outlet.size() >= 3 && starts_with_ci(outlet.substr(outlet.size() - 3), " on")) {
      outlet.remove_suffix(3);
    } else if (outlet == "on" || outlet == "On") {
      outlet = {};
    }
    out->published = date.iso;
  } else if (!preposition) {
    return false;
  }
  outlet = trim_punct(outlet);
  if (!outlet.empty()) {
    if (!is_name_like(outlet, 8)) return false;
    out->outlet = std::string(outlet);
  }
  return !out->outlet.empty() || !out->published.empty();
}

// "(Reporting by Jane Doe in Lisbon; Editing by Tim Lee)": agency credits, boilerplate; the
// reporters become the byline when the article has no other.
bool parse_reporting_credit(std::string_view line, CreditLine* out) {
  std::string_view s = trim_punct(line);
  if (!(consume_ci(s, "reporting by ") || consume_ci(s, "additional reporting by ") ||
        consume_ci(s, "writing by ") || consume_ci(s, "compiled by ") ||
        consume_ci(s, "editing by "))) {
    return false;
  }
  bool reporters = starts_with_ci(trim_punct(line), "reporting by");
  std::string_view names = s.substr(0, std::min(s.find(';'), s.size()));
  if (size_t in = names.find(" in "); in != std::string_view::npos) names = names.substr(0, in);
  names = trim_punct(names);
  if (reporters && is_name_like(names, 12)) out->byline = std::string(names);
  return true;
}

struct CopyrightLine {
  std::string outlet;
  std::string year;
};

// "© 2025 Latin Times. All rights reserved.", "Copyright 2024 The Foo Post",
// "Copyright © 2019-2025 Foo Media, Inc.", "© The Foo Post 2024".
bool parse_copyright(std::string_view line, CopyrightLine* out) {
  std::string_view s = line;
  bool mark = false;
  for (int round = 0; round < 3; ++round) {
    s = trim(s);
    if (s.substr(0, 2) == "\xC2\xA9") {  // ©
      s.remove_prefix(2);
      mark = true;
    } else if (consume_ci(s, "(c)") || consume_ci(s, "copyright") || consume_ci(s, "copr.")) {
      mark = true;
    }
  }
  if (!mark) return false;
  s = trim(s);
  auto read_years = [&](std::string_view& t) {
    // "2025", "2019-2025", "2019 – 2025": keeps the last year.
    bool any = false;
    while (t.size() >= 4 && is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]) &&
           (t.size() == 4 || !is_digit(t[4]))) {
      out->year = std::string(t.substr(0, 4));
      any = true;
      t.remove_prefix(4);
      std::string_view u = trim(t);
      if (!u.empty() && u[0] == '-') {
        u.remove_prefix(1);
      } else if (u.substr(0, 3) == "\xE2\x80\x93") {
        u.remove_prefix(3);
      } else {
        break;
      }
      t = trim(u);
    }
    return any;
  };
  read_years(s);
  s = trim_punct(s);
  // The holder ends at the first sentence break, comma, bar or dash.
  size_t end = s.size();
  for (std::string_view stop : {". ", ",", ";", "|", " - ", " \xE2\x80\x94", " \xE2\x80\x93"}) {
    end = std::min(end, s.find(stop));
  }
  std::string_view holder = s.substr(0, end);
  // "© The Foo Post 2024": a year after the name.
  if (out->year.empty()) {
    std::string_view h = trim_punct(holder);
    if (h.size() > 5 && h[h.size() - 5] == ' ') {
      std::string_view tail = h.substr(h.size() - 4);
      if (read_years(tail) && tail.empty()) holder = h.substr(0, h.size() - 5);
    }
  }
  holder = trim_punct(holder);
  if (starts_with_ci(holder, "all rights reserved")) holder = {};
  if (!holder.empty() && is_name_like(holder, 8)) out->outlet = std::string(holder);
  return true;  // a copyright line even when its holder is unreadable
}

// "Read more:", "Follow us on X", "Subscribe to our newsletter", "Advertisement".
bool is_promo(std::string_view line) {
  static constexpr std::string_view kPrefixes[] = {
      "read more",
      "read also",
      "also read",
      "see also",
      "related:",
      "related articles",
      "related stories",
      "related coverage",
      "recommended:",
      "follow us",
      "subscribe",
      "sign up",
      "click here",
      "share this",
      "share on",
      "download the",
      "download our",
      "join our",
      "advertisement",
      "story continues below",
      "continue reading",
      "all rights reserved",
      "do not reproduce",
      "listen to this article",
      "updated:",
      "last updated",
      "get the latest",
      "more from",
      "this article is more than",
      "copying or reproduction",
      "watch:",
      "more:",
      "read the rest",
      // Editorial notes and corrections appended to the story, not part of it.
      "editor's note",
      "editor\xE2\x80\x99s note",
      "correction:",
      "clarification:",
      "an earlier version of this",
      "this article has been revised",
      "this article has been updated",
      "this post has been updated",
      "this story has been updated",
  };
  std::string_view s = trim_punct(line);
  // Promotions are sometimes wrapped in quotation marks: "Follow Pam on Twitter."
  if (!s.empty() && (s[0] == '"' || s[0] == '\'')) s.remove_prefix(1);
  if (s.substr(0, 3) == "\xE2\x80\x9C") s.remove_prefix(3);
  for (std::string_view p : kPrefixes) {
    if (starts_with_ci(s, p)) return true;
  }
  if (starts_with_ci(s, "follow ")) {
    for (std::string_view net :
         {"twitter", " on x", "facebook", "instagram", "whatsapp", "telegram", "google news",
          "linkedin", "tiktok", "youtube", "threads", "bluesky"}) {
      if (contains_ci(s, net)) return true;
    }
  }
  return false;
}

// "By Jane Doe", "By JANE DOE and Tim Lee, Associated Press", "By Jane Doe | Reuters".
bool parse_byline(std::string_view line, std::string* byline) {
  if (line.size() > 150) return false;
  std::string_view s = line;
  if (!(s.substr(0, 3) == "By " || s.substr(0, 3) == "BY ")) return false;
  s.remove_prefix(3);
  size_t end = s.size();
  for (std::string_view stop : {",", "|", " - ", " \xE2\x80\x94", " \xE2\x80\x93", " / ", "\t"}) {
    end = std::min(end, s.find(stop));
  }
  std::string_view names = trim_punct(s.substr(0, end));
  if (!is_name_like(names, 12) || word_count(names) < 2) return false;
  // What follows the names must be an affiliation ("Associated Press"), not a sentence.
  std::string_view rest = trim_punct(s.substr(end));
  if (!rest.empty() && !is_name_like(rest, 8)) {
    // Allow "Staff Writer" style roles with lower-case connectors only.
    return false;
  }
  *byline = std::string(names);
  return true;
}

// A short headline: no final full stop, comma, colon or semicolon; starts with a capital,
// digit or quotation mark; 2..25 words.
bool is_title_line(std::string_view line) {
  if (line.empty() || line.size() > 200) return false;
  size_t words = word_count(line);
  if (words < 2 || words > 25) return false;
  char first = line[0];
  if (is_lower(first)) return false;
  std::string_view s = line;
  // Skip closing quotation marks and brackets to see the real last character.
  while (!s.empty()) {
    if (s.back() == '"' || s.back() == '\'' || s.back() == ')') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  char last = s.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6") return false;  // …
  return true;
}

// Section labels written like datelines that are not places.
bool is_section_label(std::string_view place) {
  static constexpr std::string_view kLabels[] = {
      "BREAKING",   "BREAKING NEWS", "UPDATE",  "UPDATED",   "EXCLUSIVE",      "WATCH",
      "LISTEN",     "ANALYSIS",      "OPINION", "EDITORIAL", "COMMENT",        "LIVE",
      "PHOTOS",     "VIDEO",         "READ",    "NOTE",      "EDITOR'S NOTE",  "FACT CHECK",
      "CORRECTION", "FILE",          "Q&A",     "PHOTO",     "REVIEW",         "INTERVIEW",
      "FEATURE",    "ALERT",         "URGENT",  "FLASH",     "SPECIAL REPORT", "EXPLAINER"};
  return std::find(std::begin(kLabels), std::end(kLabels), place) != std::end(kLabels);
}

// Words of the general-punctuation block (dashes, quotation marks) start with E2 80/81.
bool is_punctuation_word(std::string_view w) {
  return w.size() >= 2 && w[0] == '\xE2' && (w[1] == '\x80' || w[1] == '\x81');
}

// "Aug 27 (Reuters) -": agencies date a story this way; it names no place.
bool starts_with_month(std::string_view place) {
  static constexpr std::string_view kMonths[] = {
      "jan",  "january",   "feb",  "february", "mar",  "march",    "apr",    "april",
      "may",  "jun",       "june", "jul",      "july", "aug",      "august", "sep",
      "sept", "september", "oct",  "october",  "nov",  "november", "dec",    "december"};
  size_t n = 0;
  while (n < place.size() && is_alpha(place[n])) ++n;
  if (n < place.size() && place[n] != ' ' && place[n] != '.') return false;
  std::string word;
  for (size_t k = 0; k < n; ++k) word.push_back(lower(place[k]));
  return std::find(std::begin(kMonths), std::end(kMonths), word) != std::end(kMonths);
}

// An upper-case place word: "MIAMI", "ST.", "O'HARE", "RIO-DE-JANEIRO", "SÃO".
bool is_caps_word(std::string_view w, size_t* ascii_caps) {
  if (is_punctuation_word(w)) return false;
  size_t caps = 0;
  for (char c : w) {
    auto u = static_cast<unsigned char>(c);
    if (is_upper(c)) {
      ++caps;
    } else if (!(u >= 0x80 || c == '.' || c == '\'' || c == '-')) {
      return false;
    }
  }
  *ascii_caps += caps;
  return caps > 0;
}

bool is_title_word(std::string_view w) {
  if (w.empty() || is_punctuation_word(w)) return false;
  if (is_digit(w[0]))
    return std::all_of(w.begin(), w.end(),
                       [](char c) { return is_digit(c) || c == ',' || c == '.'; });
  if (!is_upper(w[0]) && static_cast<unsigned char>(w[0]) < 0x80) return false;
  for (char c : w) {
    if (!(is_alpha(c) || static_cast<unsigned char>(c) >= 0x80 || c == '.' || c == '\'' ||
          c == '-' || c == ',')) {
      return false;
    }
  }
  return true;
}

// Consumes a dash separator: " - ", " -- ", " – ", " — " (spaces optional around long dashes).
bool consume_dash(std::string_view& s) {
  std::string_view t = trim(s);
  // "--", "-", em dash, en dash, horizontal bar (U+2015, as some US sites write it).
  for (std::string_view d : {"--", "-", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95"}) {
    if (t.substr(0, d.size()) == d) {
      t.remove_prefix(d.size());
      if (d.size() == 1 && !t.empty() && !is_space(t[0])) return false;  // a hyphen
      s = t;
      return true;
    }
  }
  return false;
}

struct Dateline {
  std::string place;
  std::string outlet;
};

// The dateline opening the first body paragraph: "MIAMI:", "WASHINGTON (Reuters) -",
// "BEIRUT, Lebanon —", "NEW YORK, March 6 (Reuters) -", "Washington (CNN) —".
bool parse_dateline(std::string_view line, Dateline* out) {
  std::string_view s = line.substr(0, std::min<size_t>(line.size(), 160));
  // The place: up to four words before ':', ',', '(' or a dash.
  size_t i = 0;
  size_t place_end = 0;
  size_t words = 0, ascii_caps = 0;
  bool all_caps = true, title_case = true;
  while (i < s.size() && words < 4) {
    size_t b = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != ':' && s[i] != ',' && s[i] != '(') ++i;
    std::string_view w = s.substr(b, i - b);
    if (w.empty() || w == "-" || w == "--") break;
    // A dash glued to the place is not a dateline separator we know.
    if (!is_caps_word(w, &ascii_caps)) all_caps = false;
    if (!is_title_word(w)) title_case = false;
    if (!all_caps && !title_case) return false;
    ++words;
    place_end = i;
    if (i < s.size() && s[i] == ' ') {
      // Continue only if the next thing is another place word.
      size_t j = i + 1;
      if (j < s.size() &&
          (s[j] == '(' || s[j] == '-' || static_cast<unsigned char>(s[j]) == 0xE2)) {
        break;
      }
      i = j;
    } else {
      break;
    }
  }
  if (words == 0) return false;
  std::string_view place = s.substr(0, place_end);
  if (is_section_label(place) || starts_with_month(place)) return false;
  if (all_caps && ascii_caps < 2) return false;
  std::string_view rest = s.substr(place_end);
  // "MIAMI: ..." (upper case only: "Note: ..." is not a dateline).
  if (!rest.empty() && rest[0] == ':') {
    if (!all_caps || rest.size() < 2 || rest[1] != ' ') return false;
    out->place = std::string(place);
    return true;
  }
  // ", Lebanon", ", Calif.", ", March 6": up to four title-case words or numbers.
  if (!rest.empty() && rest[0] == ',') {
    std::string_view t = trim(rest.substr(1));
    size_t k = 0, extra = 0, words_end = 0;
    while (k < t.size() && extra < 5) {
      size_t b = k;
      while (k < t.size() && !is_space(t[k]) && t[k] != '(' && t[k] != ':') ++k;
      std::string_view w = t.substr(b, k - b);
      if (w.empty() || !is_title_word(w)) break;
      ++extra;
      words_end = k;
      while (k < t.size() && t[k] == ' ') ++k;
    }
    if (extra == 0) return false;
    rest = t.substr(words_end);
    if (!rest.empty() && rest[0] == ':') {
      if (!all_caps) return false;
      out->place = std::string(place);
      return true;
    }
  }
  // "(Reuters)", "(AP)", "(Meridian Wire)".
  std::string_view outlet;
  std::string_view t = trim(rest);
  if (!t.empty() && t[0] == '(') {
    size_t close = t.find(')');
    if (close == std::string_view::npos || close > 60) return false;
    outlet = trim(t.substr(1, close - 1));
    if (!is_name_like(outlet, 5)) return false;
    t = t.substr(close + 1);
  }
  if (!consume_dash(t)) return false;
  if (trim(t).empty()) return false;
  // Title-case places only with an agency in brackets: "Washington (CNN) —".
  if (!all_caps && outlet.empty()) return false;
  out->place = std::string(place);
  out->outlet = std::string(outlet);
  return true;
}

// True when `line` is `title` (given by the input), up to a final full stop.
bool repeats_title(std::string_view line, std::string_view title) {
  // Full stops are ignored: corpora add one at the end, sometimes inside a closing quote.
  auto next = [](std::string_view s, size_t& i) {
    while (i < s.size() && (s[i] == '.' || is_space(s[i]))) ++i;
    return i < s.size() ? s[i++] : '\0';
  };
  if (trim(title).empty()) return false;
  size_t i = 0, j = 0;
  for (;;) {
    char a = next(line, i), b = next(title, j);
    if (a != b) return false;
    if (a == '\0') return true;
  }
}

// --- the pass over the document ---------------------------------------------------------

std::vector<Line> split_lines(const Document& doc) {
  std::vector<Line> lines;
  auto add = [&](Span span, uint32_t paragraph) {
    std::string_view t = doc.text;
    size_t b = span.begin;
    while (b < span.end) {
      size_t e = t.find('\n', b);
      if (e == std::string_view::npos || e > span.end) e = span.end;
      size_t lb = b, le = e;
      while (lb < le && is_space(t[lb])) ++lb;
      while (le > lb && is_space(t[le - 1])) --le;
      if (le > lb) lines.push_back({{uint32_t(lb), uint32_t(le)}, paragraph});
      b = e + 1;
    }
  };
  if (doc.paragraphs.empty()) {
    add({0, uint32_t(doc.text.size())}, UINT32_MAX);
  } else {
    for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) add(doc.paragraphs[p].span, p);
  }
  return lines;
}

bool fillable(const DocumentMeta& m, std::string_view field, const std::string& value) {
  return value.empty() || provenance_of(m, field) == "default";
}

}  // namespace

void set_meta(DocumentMeta& meta, std::string_view field, std::string value,
              std::string_view source) {
  static const struct {
    std::string_view name;
    std::string DocumentMeta::*member;
  } kFields[] = {{"id", &DocumentMeta::id},
                 {"url", &DocumentMeta::url},
                 {"title", &DocumentMeta::title},
                 {"outlet", &DocumentMeta::outlet},
                 {"published", &DocumentMeta::published},
                 {"modified", &DocumentMeta::modified},
                 {"crawled", &DocumentMeta::crawled},
                 {"dateline", &DocumentMeta::dateline},
                 {"byline", &DocumentMeta::byline},
                 {"language", &DocumentMeta::language}};
  for (const auto& f : kFields) {
    if (f.name != field) continue;
    meta.*(f.member) = std::move(value);
    for (auto& [name, src] : meta.provenance) {
      if (name == field) {
        src = std::string(source);
        return;
      }
    }
    meta.provenance.emplace_back(std::string(field), std::string(source));
    return;
  }
}

std::string_view provenance_of(const DocumentMeta& meta, std::string_view field) {
  for (const auto& [name, src] : meta.provenance) {
    if (name == field) return src;
  }
  return {};
}

void complete_metadata(Document& doc) {
  std::vector<Line> lines = split_lines(doc);
  std::string_view text = doc.text;
  auto line_text = [&](const Line& l) { return text.substr(l.span.begin, l.span.size()); };

  std::string credit_outlet, credit_date, copyright_outlet, copyright_year, byline,
      reporting_byline, date_line, title;
  for (size_t k = 0; k < lines.size(); ++k) {
    Line& line = lines[k];
    std::string_view s = line_text(line);
    if (s.size() > kMaxMetaLine) continue;
    CreditLine credit;
    CopyrightLine copyright;
    if (parse_copyright(s, &copyright)) {
      line.kind = LineKind::kCopyright;
      if (copyright_outlet.empty()) copyright_outlet = copyright.outlet;
      if (copyright_year.empty()) copyright_year = copyright.year;
    } else if (parse_credit(s, &credit)) {
      line.kind = LineKind::kCredit;
      if (credit_outlet.empty()) credit_outlet = credit.outlet;
      if (credit_date.empty()) credit_date = credit.published;
    } else if (parse_reporting_credit(s, &credit)) {
      line.kind = LineKind::kCredit;
      if (reporting_byline.empty()) reporting_byline = credit.byline;
    } else if (is_promo(s)) {
      line.kind = LineKind::kPromo;
    } else if (k < kTopLines && byline.empty() && parse_byline(s, &byline)) {
      line.kind = LineKind::kByline;
    } else if (k < kTopLines) {
      std::string iso = normalize_date(s);
      if (iso.size() >= 7) {
        line.kind = LineKind::kDate;
        if (date_line.empty()) date_line = iso;
      }
    }
  }

  // The title: the first line, when it reads as a headline and body text follows.
  size_t first_body = 0;
  while (first_body < lines.size() && lines[first_body].kind != LineKind::kBody) ++first_body;
  if (first_body == 0 && lines.size() > 1 && repeats_title(line_text(lines[0]), doc.meta.title)) {
    // The text opens with the title the input gave (JSONL corpora such as PolNeAR do this,
    // often adding a full stop): it is the title line, not the first body line.
    lines[0].kind = LineKind::kTitle;
    ++first_body;
  } else if (first_body == 0 && lines.size() > 1 && is_title_line(line_text(lines[0]))) {
    Dateline probe;
    bool more_body = std::any_of(lines.begin() + 1, lines.end(),
                                 [](const Line& l) { return l.kind == LineKind::kBody; });
    if (more_body && !parse_dateline(line_text(lines[0]), &probe)) {
      lines[0].kind = LineKind::kTitle;
      title = std::string(line_text(lines[0]));
      ++first_body;
    }
  }
  while (first_body < lines.size() && lines[first_body].kind != LineKind::kBody) ++first_body;

  // The dateline opens the first body line, or the second when the first is a short
  // standfirst under the title ("After the vote, the bloc aims to ...").
  Dateline dateline;
  bool has_dateline =
      first_body < lines.size() && parse_dateline(line_text(lines[first_body]), &dateline);
  if (!has_dateline && first_body < lines.size() && lines[first_body].span.size() <= kMaxDek) {
    size_t second = first_body + 1;
    while (second < lines.size() && lines[second].kind != LineKind::kBody) ++second;
    has_dateline = second < lines.size() && parse_dateline(line_text(lines[second]), &dateline);
  }

  DocumentMeta& m = doc.meta;
  if (!title.empty() && fillable(m, "title", m.title)) set_meta(m, "title", title, "title-line");
  if (fillable(m, "outlet", m.outlet)) {
    if (!credit_outlet.empty()) {
      set_meta(m, "outlet", credit_outlet, "credit-line");
    } else if (!copyright_outlet.empty()) {
      set_meta(m, "outlet", copyright_outlet, "copyright-line");
    } else if (has_dateline && !dateline.outlet.empty()) {
      set_meta(m, "outlet", dateline.outlet, "dateline");
    }
  }
  if (fillable(m, "published", m.published)) {
    if (!credit_date.empty()) {
      set_meta(m, "published", credit_date, "credit-line");
    } else if (!date_line.empty()) {
      set_meta(m, "published", date_line, "date-line");
    } else if (!copyright_year.empty()) {
      set_meta(m, "published", copyright_year, "copyright-line");
    }
  }
  if (has_dateline && fillable(m, "dateline", m.dateline)) {
    set_meta(m, "dateline", dateline.place, "dateline");
  }
  if (fillable(m, "byline", m.byline)) {
    if (!byline.empty()) {
      set_meta(m, "byline", byline, "byline");
    } else if (!reporting_byline.empty()) {
      set_meta(m, "byline", reporting_byline, "credit-line");
    }
  }

  // Boilerplate: paragraphs made only of boilerplate lines, and sentences lying wholly in
  // boilerplate lines (so one-line-per-paragraph text is covered whatever the segmenter does).
  std::vector<uint8_t> all_boiler(doc.paragraphs.size(), 1), any_line(doc.paragraphs.size(), 0);
  for (const Line& l : lines) {
    if (l.paragraph >= doc.paragraphs.size()) continue;
    any_line[l.paragraph] = 1;
    if (!is_boilerplate(l.kind)) all_boiler[l.paragraph] = 0;
  }
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    if (any_line[p] && all_boiler[p]) doc.paragraphs[p].boilerplate = true;
  }
  for (Sentence& s : doc.sentences) {
    if (s.paragraph < doc.paragraphs.size() && doc.paragraphs[s.paragraph].boilerplate) {
      s.boilerplate = true;
      continue;
    }
    auto it = std::lower_bound(lines.begin(), lines.end(), s.span.begin,
                               [](const Line& l, uint32_t at) { return l.span.end <= at; });
    bool any = false, all = true;
    for (; it != lines.end() && it->span.begin < s.span.end; ++it) {
      any = true;
      if (!is_boilerplate(it->kind)) all = false;
    }
    if (any && all) s.boilerplate = true;
  }
}

}  // namespace dateline::ingest
