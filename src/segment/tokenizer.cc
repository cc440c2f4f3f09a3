// SPDX-License-Identifier: Apache-2.0
// Tokenizer design. Text is cut at white space into chunks, and each chunk is scanned left to
// right once. Word characters (letters, digits, any non-punctuation code point) extend a word;
// a punctuation mark joins a word only when UD English keeps it inside one token:
//   '.' before a word character (U.S, 3.5, example.com)   ',' ':' '/' between digits
//   '-' after a listed prefix (non-stop, e-mail) or between digits (phone numbers)
//   '&' between capitals (AT&T)                             an apostrophe inside a name (O'Brien)
// and a final '.' joins an abbreviation (Gen., U.S., J.). Everything else is split off, with
// runs of the same mark ("...", "!!!", "--", ">>") kept as one token as EWT does. Clitics are
// split into syntactic words marked fused_with_next ('s 'm 'd 're 've 'll n't, and
// cannot/gonna/dont ...), exactly as EWT/GUM write multiword tokens. URLs and e-mail
// addresses are single tokens. There is no allocation besides appending to the output.
#include "segment/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "segment/chars.h"

namespace dateline::segment {
namespace {

constexpr std::string_view kAbbreviations[] = {
    // Titles and ranks that precede names (also in kTitles below).
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Lt", "Col", "Sgt",
    "Capt", "Cmdr", "Adm", "Maj", "Brig", "Gov", "Sen", "Rep", "Reps", "Sens", "Pres", "Rev",
    "Hon", "Messrs", "Mme", "Mlle", "Supt", "Insp", "Det", "Cpl", "Pvt", "Fr", "Atty",
    // Organisations and addresses.
    "Inc", "Corp", "Co", "Ltd", "Assoc", "Cal", "Bros", "Assn", "Dept", "Univ", "Ave", "Blvd", "Rd", "Hwy",
    "No", "Nos", "Vol", "vol", "pp", "Fig", "fig", "approx", "est", "etc", "vs", "al", "cf",
    "viz", "ca", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
    // US state abbreviations of the AP style book.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Ky", "La", "Md", "Mich", "Minn", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Tex", "Va", "Vt", "Wis", "Wyo",
    // Units and web/e-mail shorthand.
    "min", "mins", "hr", "hrs", "sec", "tel", "Tel", "ext", "Ext", "div", "arrv", "dept",
};

constexpr std::string_view kTitles[] = {
    "Mr",   "Mrs",  "Ms",   "Dr",   "Prof", "St",   "Mt",   "Ft",   "Gen",  "Lt",
    "Col",  "Sgt",  "Capt", "Cmdr", "Adm",  "Maj",  "Brig", "Gov",  "Sen",  "Rep",
    "Reps", "Sens", "Pres", "Rev",  "Hon",  "Messrs", "Mme", "Mlle", "Supt", "Insp",
    "Det",  "Cpl",  "Pvt",  "Fr",   "Atty", "No",   "Nos",  "vs",   "cf",   "Vol",
    "Fig",  "fig",  "pp",
};

// Prefixes that UD English keeps attached with their hyphen ("non-stop", "e-mail"); after any
// other word a hyphen is a token of its own ("long - term").
constexpr std::string_view kHyphenPrefixes[] = {
    "non", "e", "re", "co", "mis", "anti", "pre", "mid", "pro", "cross", "post", "semi", "sub",
    "multi", "ex", "counter", "mini", "neo", "inter", "vice", "socio", "psycho", "pan",
    "over", "ultra", "micro", "macro", "bi", "tri", "un", "de", "quasi", "intra", "trans",
};

// Informal contractions written without an apostrophe that EWT splits into two words, with
// the length of the first word ("dont" -> "do" + "nt").
struct Contraction {
  std::string_view word;
  uint32_t first;
};
constexpr Contraction kContractions[] = {
    {"cannot", 3},  {"gonna", 3},   {"wanna", 3},  {"gotta", 3},    {"outta", 3},
    {"dont", 2},    {"didnt", 3},   {"doesnt", 4}, {"cant", 2},     {"wont", 2},
    {"isnt", 2},    {"wasnt", 3},   {"arent", 3},  {"werent", 4},   {"havent", 4},
    {"hasnt", 3},   {"hadnt", 3},   {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6},
    {"aint", 2},    {"im", 1},      {"ive", 1},    {"thats", 4},    {"youre", 3},
    {"theyre", 4},  {"whats", 4},   {"theres", 5}, {"youll", 3},   {"lotta", 3},
};

// Units that EWT splits from a number written against them.
constexpr std::string_view kUnits[] = {
    "m",  "k",   "am",  "pm",  "b",   "mm",  "ft",  "cm",  "km",  "hz",  "bn",  "kg",  "kb",
    "gb", "mb",  "tb",  "hrs", "hr",  "min", "mins", "lb", "lbs", "ml",  "mph", "p",   "kw",
    "mw", "ghz", "mhz", "yr",  "yrs", "day", "days", "pc", "ms",  "sec", "secs", "x",  "g",
};

constexpr std::string_view kClitics[] = {"s", "m", "d", "re", "ve", "ll"};

constexpr std::string_view kEmoticons[] = {":-)", ":-(", ":-D", ":'(", "^_^", ":)", ":(",
                                            ";)", ":D", ":P", ":p", "=)", ":/", "<3", "(:"};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool is_ascii_digit_byte(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper_byte(char c) { return c >= 'A' && c <= 'Z'; }

// Closing marks stripped from the end of a URL or e-mail address.
bool is_url_trailer(std::string_view t, size_t end, size_t* len) {
  char c = t[end - 1];
  if (std::strchr(".,;:!?\"')]}>", c) != nullptr && c != '\0') {
    *len = 1;
    return true;
  }
  if (end >= 3 && static_cast<unsigned char>(t[end - 3]) == 0xE2 &&
      static_cast<unsigned char>(t[end - 2]) == 0x80) {
    auto b = static_cast<unsigned char>(t[end - 1]);
    if (b == 0x99 || b == 0x9D) {  // ’ ”
      *len = 3;
      return true;
    }
  }
  return false;
}

// Word characters among ASCII bytes: letters and digits.
constexpr std::array<bool, 128> make_ascii_word() {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = is_word_char(static_cast<char32_t>(c));
  return t;
}
constexpr std::array<bool, 128> kAsciiWord = make_ascii_word();

class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view text, std::vector<RawToken>& out) : t_(text), out_(out) {}

  void run(uint32_t b, uint32_t e);

 private:
  void emit(uint32_t b, uint32_t e, bool fused = false) {
    out_.push_back(RawToken{b, e, false, fused});
  }
  char32_t cp(uint32_t i) const { return code_point_at(t_, i).c; }
  bool word_at(uint32_t i, uint32_t e) const { return i < e && is_word_char(cp(i)); }
  uint32_t url_end(uint32_t p, uint32_t e) const;
  uint32_t email_end(uint32_t p, uint32_t e) const;
  uint32_t scan_word(uint32_t p, uint32_t e);
  bool is_phone_number(uint32_t start, uint32_t hyphen, uint32_t e) const;
  uint32_t scan_word_end(uint32_t p, uint32_t e) const {
    while (p < e) {
      auto b = static_cast<unsigned char>(t_[p]);
      if (b < 0x80) {
        if (!kAsciiWord[b]) break;
        ++p;
        continue;
      }
      CodePoint c = code_point_at(t_, p);
      if (!is_word_char(c.c)) break;
      p += c.len;
    }
    return p;
  }
  void emit_word(uint32_t b, uint32_t e);
  // "No. 5" keeps its period, "No. I won't" does not.
  static bool is_number_sign(std::string_view w) { return w == "No" || w == "no" || w == "Nos"; }
  bool digit_follows(uint32_t i) const {
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t')) ++i;
    return i < t_.size() && (is_ascii_digit_byte(t_[i]) || t_[i] == '#');
  }

  std::string_view t_;
  std::vector<RawToken>& out_;
  bool has_at_ = false;
  bool single_open_ = false;
  uint32_t chunk_begin_ = 0;  // a single quote was opened in this paragraph
};

uint32_t ChunkTokenizer::url_end(uint32_t p, uint32_t e) const {
  const char c0 = static_cast<char>(t_[p] | 0x20);
  if (e - p < 5 || (c0 != 'h' && c0 != 'w' && c0 != 'f' && c0 != 'm')) return 0;
  std::string_view s = t_.substr(p, e - p);
  if (!(istarts_with(s, "http://") || istarts_with(s, "https://") || istarts_with(s, "ftp://") ||
        istarts_with(s, "www.") || istarts_with(s, "mailto:"))) {
    return 0;
  }
  uint32_t q = e;
  bool has_open_paren = s.find('(') != std::string_view::npos;
  size_t len = 0;
  while (q > p + 4 && is_url_trailer(t_, q, &len)) {
    if (t_[q - 1] == ')' && has_open_paren) break;
    q -= static_cast<uint32_t>(len);
  }
  return q;
}

uint32_t ChunkTokenizer::email_end(uint32_t p, uint32_t e) const {
  auto local = [](char c) {
    return is_ascii_alpha(static_cast<unsigned char>(c)) || is_ascii_digit_byte(c) ||
           std::strchr("._%+-", c) != nullptr;
  };
  uint32_t q = p;
  while (q < e && local(t_[q]) && t_[q] != '\0') ++q;
  if (q == p || q >= e || t_[q] != '@') return 0;
  uint32_t d = ++q;
  bool dot = false;
  while (q < e && (is_ascii_alpha(static_cast<unsigned char>(t_[q])) ||
                   is_ascii_digit_byte(t_[q]) || t_[q] == '-' || t_[q] == '.')) {
    dot |= t_[q] == '.' && q + 1 < e && t_[q + 1] != '.';
    ++q;
  }
  while (q > d && t_[q - 1] == '.') --q;
  return dot && q > d ? q : 0;
}

void ChunkTokenizer::run(uint32_t b, uint32_t e) {
  chunk_begin_ = b;
  has_at_ = std::memchr(t_.data() + b, '@', e - b) != nullptr;
  uint32_t p = b;
  while (p < e) {
    if (uint32_t u = url_end(p, e); u > p) {
      emit(p, u);
      p = u;
      continue;
    }
    if (has_at_) {
      if (uint32_t m = email_end(p, e); m > p) {
        emit(p, m);
        p = m;
        continue;
      }
    }
    CodePoint c = code_point_at(t_, p);
    if (is_word_char(c.c)) {
      p = scan_word(p, e);
      continue;
    }
    // An apostrophe opening a word: a clitic written apart ("Jones 's"), or a year ('90s).
    if (is_apostrophe(c.c)) {
      uint32_t a = p + c.len;
      uint32_t r = a;
      while (r < e && is_ascii_alpha(static_cast<unsigned char>(t_[r]))) ++r;
      bool alone = r >= e || !is_word_char(cp(r));
      bool clitic = false;
      for (std::string_view k : kClitics) clitic |= iequals(t_.substr(a, r - a), k);
      if (r > a && alone && clitic) {
        emit(p, r);
        p = r;
        continue;
      }
      std::string_view rest = t_.substr(a, r - a);
      if (r > a && alone && (iequals(rest, "em") || iequals(rest, "cause") || iequals(rest, "til"))) {
        emit(p, r);
        p = r;
        continue;
      }
      if (a < e && is_ascii_digit_byte(t_[a])) {
        uint32_t q = a;
        while (q < e && is_word_char(cp(q))) q += code_point_at(t_, q).len;
        emit(p, q);
        p = q;
        continue;
      }
      if (p == chunk_begin_ || !word_at(p - 1, e)) single_open_ = true;
      emit(p, a);
      p = a;
      continue;
    }
    // Hashtags: "#audiobooks".
    if (c.c == '#' && p + 1 < e && is_ascii_alpha(static_cast<unsigned char>(t_[p + 1]))) {
      uint32_t q = scan_word_end(p + 1, e);
      emit(p, q);
      p = q;
      continue;
    }
    // Emoticons, followed by the end of the chunk or by punctuation ("great :-).").
    bool emoticon = false;
    for (std::string_view emo : kEmoticons) {
      if (emo[0] != t_[p]) continue;
      const auto end = static_cast<uint32_t>(p + emo.size());
      if (end <= e && t_.substr(p, emo.size()) == emo && (end == e || !word_at(end, e))) {
        emit(p, end);
        p = end;
        emoticon = true;
        break;
      }
    }
    if (emoticon) continue;
    char32_t ch = c.c;
    uint32_t q = p + c.len;
    if (ch == '.') {  // "...", or ".?" as EWT writes it; "...?" is two tokens
      while (q < e && t_[q] == '.') ++q;
      if (q == p + 1) {
        while (q < e && (t_[q] == '!' || t_[q] == '?')) ++q;
      }
    } else if (ch == '!' || ch == '?') {
      while (q < e && (t_[q] == '!' || t_[q] == '?')) ++q;
    } else if (ch == 0x2026) {  // … possibly followed by more dots
      while (q < e && t_[q] == '.') ++q;
    } else if (ch < 0x80 && std::strchr("()[]{}\"", static_cast<char>(ch)) == nullptr) {
      while (q < e && static_cast<char32_t>(static_cast<unsigned char>(t_[q])) == ch) ++q;
    }
    emit(p, q);
    p = q;
  }
}

// Digit groups joined by hyphens stay one token only as phone numbers ("713-853-1411",
// "345-8702"); ranges ("1969-1970", "5-10") are split.
bool ChunkTokenizer::is_phone_number(uint32_t start, uint32_t hyphen, uint32_t e) const {
  uint32_t left = 0;
  for (uint32_t k = hyphen; k > start && is_ascii_digit_byte(t_[k - 1]); --k) ++left;
  uint32_t r = hyphen + 1, right = 0;
  while (r < e && is_ascii_digit_byte(t_[r])) ++r, ++right;
  if (r < e && t_[r] == '-' && r + 1 < e && is_ascii_digit_byte(t_[r + 1])) return true;
  return (left <= 3 || left == 5) && right == 4;  // also ZIP+4 codes
}

uint32_t ChunkTokenizer::scan_word(uint32_t p, uint32_t e) {
  const uint32_t start = p;
  uint32_t q = p;
  while (true) {
    q = scan_word_end(q, e);
    if (q >= e) break;
    const char c = t_[q];
    const char prev = t_[q - 1];
    const bool next_word = word_at(q + 1, e);
    const bool digits = is_ascii_digit_byte(prev) && q + 1 < e && is_ascii_digit_byte(t_[q + 1]);
    if (c == '.' && next_word) {
      ++q;
      continue;
    }
    if ((c == ',' || c == ':' || c == '/') && digits) {
      ++q;
      continue;
    }
    // "b/c", "w/o", "s/he": a single letter before the slash.
    if (c == '/' && next_word && q - start == 1 && is_ascii_alpha(static_cast<unsigned char>(prev))) {
      ++q;
      continue;
    }
    if ((c == '@' || c == '_') && next_word) {  // user@HOST, file_name
      ++q;
      continue;
    }
    if (c == '-' && next_word) {
      std::string_view left = t_.substr(start, q - start);
      bool prefix = false;
      for (std::string_view x : kHyphenPrefixes) prefix |= iequals(left, x);
      if (prefix || (digits && is_phone_number(start, q, e))) {
        ++q;
        continue;
      }
      break;
    }
    // A word broken off in speech: "I was re- I wanted".
    if (c == '-' && (q + 1 == e || (t_[q + 1] != '-' && !word_at(q + 1, e)))) {
      ++q;
      break;
    }
    if (c == '&' && is_ascii_upper_byte(prev) && q + 1 < e && is_ascii_upper_byte(t_[q + 1])) {
      ++q;
      continue;
    }
    CodePoint cq = code_point_at(t_, q);
    if (!is_apostrophe(cq.c)) break;
    const uint32_t a = q + cq.len;
    // n't: "don't" -> "do" + "n't", "can't" -> "ca" + "n't".
    if ((prev == 'n' || prev == 'N') && q - 1 > start && a < e && (t_[a] == 't' || t_[a] == 'T') &&
        !word_at(a + 1, e)) {
      emit(start, q - 1, true);
      emit(q - 1, a + 1);
      return a + 1;
    }
    uint32_t r = a;
    while (r < e && is_ascii_alpha(static_cast<unsigned char>(t_[r]))) ++r;
    if (r > a && !word_at(r, e)) {
      bool clitic = false;
      for (std::string_view k : kClitics) clitic |= iequals(t_.substr(a, r - a), k);
      if (clitic) {
        emit(start, q, true);
        emit(q, r);
        return r;
      }
    }
    if (word_at(a, e)) {  // O'Brien, rock'n'roll
      q = a;
      continue;
    }
    // Possessive of a plural: "the players' union" -> "players" + "'"; but a closing single
    // quote when one is open.
    if (single_open_) {
      single_open_ = false;
      break;
    }
    if (prev == 's' || prev == 'S') {
      emit(start, q, true);
      emit(q, a);
      return a;
    }
    break;
  }
  // A final period that belongs to the word: abbreviations, initials, dotted forms.
  // "Inc.." is the abbreviation and a full stop; "etc..." an abbreviation and an ellipsis.
  const bool one_dot = q < e && t_[q] == '.' &&
                       (q + 1 >= e || t_[q + 1] != '.' || q + 2 >= e || t_[q + 2] != '.');
  if (one_dot && is_abbreviation(t_.substr(start, q - start)) &&
      (!is_number_sign(t_.substr(start, q - start)) || digit_follows(q + 1))) {
    emit(start, q + 1);
    return q + 1;
  }
  emit_word(start, q);
  return q;
}

void ChunkTokenizer::emit_word(uint32_t b, uint32_t e) {
  // A number with a unit written on: "375mm", "39K", "5pm" -> "375" + "mm".
  if (is_ascii_digit_byte(t_[b])) {
    uint32_t d = b;
    while (d < e && is_ascii_digit_byte(t_[d])) ++d;
    if (d < e && d - b <= 6) {
      std::string_view unit = t_.substr(d, e - d);
      for (std::string_view u : kUnits) {
        if (iequals(unit, u)) {
          emit(b, d);
          emit(d, e);
          return;
        }
      }
    }
  }
  // Quick rejection: the listed contractions are 2-8 letters and end in one of "taemsl".
  const char last = static_cast<char>(t_[e - 1] | 0x20);
  if (e - b >= 2 && e - b <= 8 && std::memchr("taemsl", last, 6) != nullptr) {
    std::string_view w = t_.substr(b, e - b);
    const char c0 = static_cast<char>(w[0] | 0x20);
    for (const Contraction& k : kContractions) {
      if (k.word[0] == c0 && iequals(w, k.word)) {
        emit(b, b + k.first, true);
        emit(b + k.first, e);
        return;
      }
    }
  }
  emit(b, e);
}

}  // namespace

bool is_abbreviation(std::string_view w) {
  if (w.empty()) return false;
  if (w.size() == 1) return is_ascii_alpha(static_cast<unsigned char>(w[0]));
  if (w.find('.') != std::string_view::npos) {
    // Dotted forms: every part one or two letters ("U.S", "a.m", "Ph.D", "U.S.A").
    size_t part = 0;
    for (char c : w) {
      if (c == '.') {
        if (part == 0) return false;
        part = 0;
      } else if (is_ascii_alpha(static_cast<unsigned char>(c)) && part < 2) {
        ++part;
      } else {
        return false;
      }
    }
    return part > 0;
  }
  if (contains(kAbbreviations, w)) return true;
  // "LTD", "PVT", "INC": an all-capitals form of a listed abbreviation.
  if (w.size() < 2 || w.size() > 6) return false;
  char buf[8];
  buf[0] = w[0];
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] < 'A' || w[i] > 'Z') return false;
    buf[i] = static_cast<char>(w[i] + 32);
  }
  return contains(kAbbreviations, std::string_view(buf, w.size()));
}

bool is_title_abbreviation(std::string_view w) { return contains(kTitles, w); }

void tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<RawToken>& out) {
  ChunkTokenizer chunker(text, out);
  uint32_t i = begin;
  while (i < end) {
    CodePoint c = code_point_at(text, i);
    if (is_space(c.c)) {
      i += c.len;
      continue;
    }
    uint32_t j = i;
    while (j < end) {
      auto b = static_cast<unsigned char>(text[j]);
      if (b < 0x80) {
        if (b == ' ' || (b >= '\t' && b <= '\r')) break;
        ++j;
        continue;
      }
      CodePoint d = code_point_at(text, j);
      if (is_space(d.c)) break;
      j += d.len;
    }
    size_t first = out.size();
    chunker.run(i, j);
    for (size_t k = first; k + 1 < out.size(); ++k) out[k].space_after = false;
    if (out.size() > first) out.back().space_after = true;
    i = j;
  }
}

}  // namespace dateline::segment
