// SPDX-License-Identifier: Apache-2.0
#include "events/word_view.h"

#include <array>
#include <cctype>

namespace dateline::events {
namespace {

bool is_ascii_punct(unsigned char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
         c == '(' || c == ')' || c == '[' || c == ']' || c == '\'' || c == '`' || c == '{' ||
         c == '}' || c == '*';
}

// Length of a punctuation mark at `s[i]`: ASCII punctuation, or typographic quotes and dashes
// (U+2018/2019/201C/201D, U+2013/2014, U+00AB/00BB). 0 when there is none.
size_t punct_len_at(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_ascii_punct(c) ? 1 : 0;
  if (c == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D || d == 0x93 || d == 0x94) return 3;
  }
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0xAB || d == 0xBB) return 2;
  }
  return 0;
}

// Length of a trailing punctuation mark ending at `end` (exclusive), 0 if none.
size_t punct_len_before(std::string_view s, size_t end) {
  if (end == 0) return 0;
  if (punct_len_at(s, end - 1) == 1) return 1;
  if (end >= 3 && punct_len_at(s, end - 3) == 3) return 3;
  if (end >= 2 && punct_len_at(s, end - 2) == 2) return 2;
  return 0;
}

constexpr std::array<std::string_view, 30> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "st", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "jr", "sr", "vs", "lt",
    "col", "gov", "capt", "sgt"};

// True when the final '.' of `w` belongs to the word: "U.S.", "W.", "Mr.".
bool keeps_final_period(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  std::string_view stem = w.substr(0, w.size() - 1);
  if (stem.find('.') != std::string_view::npos) return true;
  if (stem.size() == 1 && std::isupper(static_cast<unsigned char>(stem[0]))) return true;
  std::string low;
  for (char c : stem) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view a : kAbbreviations) {
    if (low == a) return true;
  }
  return false;
}

// Sets norm, capitalized, all_caps and punct of `w` from its text `s`.
void set_word_form(std::string_view s, Word& w) {
  w.norm = normalize_word(s);
  int letters = 0, upper = 0;
  bool first_letter_seen = false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      ++letters;
      if (std::isupper(c)) ++upper;
      if (!first_letter_seen) {
        w.capitalized = std::isupper(c);
        first_letter_seen = true;
      }
    }
  }
  w.all_caps = letters >= 2 && upper == letters;
  bool only_punct = true;
  for (size_t i = 0; i < s.size();) {
    size_t n = punct_len_at(s, i);
    if (n == 0 && s[i] != '-') {
      only_punct = false;
      break;
    }
    i += n ? n : 1;
  }
  w.punct = only_punct;
}

void add_word(const Document& doc, int32_t token, size_t b, size_t e, std::vector<Word>& out) {
  if (b >= e) return;
  Word w;
  w.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  w.token = token;
  set_word_form(std::string_view(doc.text).substr(b, e - b), w);
  const Token& t = doc.tokens[static_cast<size_t>(token)];
  if (!t.upos.empty()) w.upos = t.upos;
  if (!t.lemma.empty() && b == t.span.begin) w.lemma = normalize_word(t.lemma);
  out.push_back(std::move(w));
}

// Splits one token's bytes [b, e) into words.
void split_token(const Document& doc, int32_t token, size_t b, size_t e, std::vector<Word>& out) {
  std::string_view text = doc.text;
  std::vector<Word> tail;  // trailing punctuation and clitics, in reverse order
  // Leading punctuation, but not the apostrophe of a clitic token ("'s", "’s", "'re").
  const bool clitic = e - b <= 4 && e - b >= 2 && (text[b] == '\'' || text[b] == '\xE2') &&
                      std::isalpha(static_cast<unsigned char>(text[e - 1]));
  while (b < e && !clitic) {
    size_t n = punct_len_at(text, b);
    if (n == 0 || b + n > e) break;
    add_word(doc, token, b, b + n, out);
    b += n;
  }
  // Trailing punctuation, keeping the period of abbreviations.
  while (e > b) {
    size_t n = punct_len_before(text, e);
    if (n == 0 || e - n < b) break;
    if (n == 1 && text[e - 1] == '.' && keeps_final_period(text.substr(b, e - b))) break;
    add_word(doc, token, e - n, e, tail);
    e -= n;
  }
  // Clitics: 's / ’s and n't.
  auto ends_with = [&](std::string_view suffix) {
    return e - b > suffix.size() && text.substr(e - suffix.size(), suffix.size()) == suffix;
  };
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s"),
                                  std::string_view("n't"), std::string_view("n\xE2\x80\x99t")}) {
    if (ends_with(suffix)) {
      add_word(doc, token, e - suffix.size(), e, tail);
      e -= suffix.size();
      break;
    }
  }
  // A capitalised abbreviation or name joined by a hyphen ("U.N.-backed", "NATO-member").
  std::string_view core = text.substr(b, e - b);
  size_t hyphen = core.find('-');
  auto lower_tail = [&] {  // "-led", "-backed", "-occupied"
    for (size_t k = hyphen + 1; k < core.size(); ++k) {
      if (!std::islower(static_cast<unsigned char>(core[k]))) return false;
    }
    return core.size() - hyphen > 2;
  };
  if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < core.size() &&
      std::isupper(static_cast<unsigned char>(core[0])) &&
      (core[hyphen - 1] == '.' || std::isupper(static_cast<unsigned char>(core[hyphen - 1])) ||
       lower_tail())) {
    add_word(doc, token, b, b + hyphen, out);
    add_word(doc, token, b + hyphen, b + hyphen + 1, out);
    add_word(doc, token, b + hyphen + 1, e, out);
  } else if (core.size() > 4 && (core.substr(0, 3) == "the" || core.substr(0, 3) == "and") &&
             std::isupper(static_cast<unsigned char>(core[3]))) {
    // Two words run together by a missing space ("theWhite").
    add_word(doc, token, b, b + 3, out);
    add_word(doc, token, b + 3, e, out);
  } else {
    add_word(doc, token, b, e, out);
  }
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.push_back(std::move(*it));
}

}  // namespace

std::string normalize_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(word[i + 2]) == 0x99 ||
         static_cast<unsigned char>(word[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
    } else if (c == '.' && word.size() > 1) {
      continue;  // "U.S." -> "us"; a lone "." stays
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

std::vector<Word> words_of_phrase(std::string_view text) {
  std::vector<Word> out;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) {
      Word w;
      w.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
      set_word_form(text.substr(i, j - i), w);
      out.push_back(std::move(w));
    }
    i = j;
  }
  return out;
}

std::vector<Word> split_words(const Document& doc, uint32_t token_begin, uint32_t token_end) {
  std::vector<Word> out;
  out.reserve(static_cast<size_t>(token_end - token_begin) + 8);
  for (uint32_t t = token_begin; t < token_end && t < doc.tokens.size(); ++t) {
    const Span s = doc.tokens[t].span;
    split_token(doc, static_cast<int32_t>(t), s.begin, s.end, out);
  }
  return out;
}

}  // namespace dateline::events
