// SPDX-License-Identifier: Apache-2.0
// Sentence splitting design. A sentence can end only after a word; the rules look at the word,
// the closing quotes and brackets attached to it, and the word that follows:
//  - a terminal mark (. ! ? … and runs of them) ends a sentence, and the closing quotes or
//    brackets written right after it (no space) go with that sentence: “He left.” She ...
//  - "!" or "?" followed by a lower-case word does not end one ("Why?" she asked);
//  - an abbreviation keeps its period as part of the word (tokenizer) and ends a sentence only
//    when a usual sentence opener follows ("... in the U.S. The ..."), never after a title
//    ("Gen.") or an initial ("J. R. R. Tolkien");
//  - paragraphs always end sentences (the caller splits paragraphs).
// Web text (EWT) often ends sentences with no mark at all; a BoundaryModel, when given, scores
// every word boundary with the rule's verdict among its features and has the last word.
#include "segment/sentence_splitter.h"

#include <algorithm>

#include "segment/boundary_model.h"
#include "segment/chars.h"

namespace dateline::segment {
namespace {

constexpr std::string_view kOpeners[] = {
    "The", "A",    "An",    "He",    "She",   "It",    "They",  "We",    "I",     "You",
    "This", "That", "These", "Those", "But",  "And",   "In",    "On",    "At",    "For",
    "If",  "When", "While", "After", "Before", "As",   "So",    "There", "His",   "Her",
    "Their", "Our", "My",   "Its",   "What",  "Why",   "How",   "Who",   "Yes",   "Some",
    "Many", "Most", "All",  "One",   "Mr.",   "Mrs.",  "Ms.",   "Dr.",   "However", "Also",
    "Still", "Then", "Now", "Meanwhile", "Officials", "Police",
};

}  // namespace

BoundaryRule rule_at(std::string_view text, std::span<const RawToken> toks, size_t i,
                     size_t* last) {
  const size_t n = toks.size();
  *last = i;
  auto slice = [&](size_t k) {
    return text.substr(toks[k].begin, toks[k].end - toks[k].begin);
  };
  std::string_view s = slice(i);
  bool terminal = !s.empty();
  bool has_bang = false, has_dot = false;
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[k];
    if (c == '!' || c == '?') {
      has_bang = true;
    } else if (c == '.') {
      has_dot = true;
    } else if (s.substr(k, 3) == "\xE2\x80\xA6") {  // …
      has_dot = true;
      k += 2;
    } else {
      terminal = false;
      break;
    }
  }
  bool abbreviation = !terminal && s.size() >= 2 && s.back() == '.';
  if (!terminal && !abbreviation) return BoundaryRule::kNone;

  // Closing quotes and brackets written right after the mark belong to this sentence.
  size_t j = i + 1;
  if (terminal) {
    while (j < n && !toks[j - 1].space_after) {
      CodePoint c = code_point_at(text, toks[j].begin);
      bool closer = c.c == '"' || c.c == '\'' || c.c == 0x201D || c.c == 0x2019 ||
                    c.c == ')' || c.c == ']' || c.c == 0xBB;
      if (!closer || toks[j].end - toks[j].begin != c.len) break;
      ++j;
    }
  }
  *last = j - 1;
  if (j >= n) return BoundaryRule::kEnd;
  std::string_view next = slice(j);
  CodePoint first = code_point_at(text, toks[j].begin);
  const bool lower = is_lower(first.c);
  const bool upper = is_upper(first.c);
  const bool digit = is_ascii_digit(first.c);
  if (terminal) {
    if (!lower && !upper && !digit && is_punct(first.c)) {
      // ", ; :" and closing brackets continue the sentence; opening quotes start a new one.
      bool opening = first.c == '"' || first.c == 0x201C || first.c == 0x2018 ||
                     first.c == '(' || first.c == '[' || first.c == '\'' || first.c == '-' ||
                     first.c == '*' || first.c == 0x2014 || first.c == '<';
      return opening ? BoundaryRule::kTerminal : BoundaryRule::kContinue;
    }
    // "Why?" she asked.  /  waited... and waited
    if (has_bang && lower && j > i + 1) return BoundaryRule::kContinue;
    if (has_dot && !has_bang && s != "." && lower) return BoundaryRule::kContinue;
    if (lower) return BoundaryRule::kWeakTerminal;
    return BoundaryRule::kTerminal;
  }
  // An abbreviation with its period.
  std::string_view word = s.substr(0, s.size() - 1);
  if (is_title_abbreviation(word)) return BoundaryRule::kContinue;
  if (!upper) return BoundaryRule::kContinue;
  if (std::find(std::begin(kOpeners), std::end(kOpeners), next) != std::end(kOpeners)) {
    return BoundaryRule::kAbbreviationOpener;
  }
  if (word.size() == 1 || (word.size() == 3 && word[1] == '.')) {
    return BoundaryRule::kInitial;  // "J." or "J.R." before a surname
  }
  return BoundaryRule::kAbbreviation;
}

void split_sentences(std::string_view text, std::span<const RawToken> toks,
                     const BoundaryModel* model, std::vector<uint32_t>& ends) {
  const size_t n = toks.size();
  if (n == 0) return;
  const size_t base = ends.size();
  if (model != nullptr && !model->empty()) {
    model->split(text, toks, ends);
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    size_t last = i;
    BoundaryRule r = rule_at(text, toks, i, &last);
    if (r == BoundaryRule::kTerminal || r == BoundaryRule::kAbbreviationOpener ||
        r == BoundaryRule::kWeakTerminal) {
      ends.push_back(static_cast<uint32_t>(last + 1));
      i = last;
    }
  }
  if (ends.size() == base || ends.back() != n) ends.push_back(static_cast<uint32_t>(n));
}

}  // namespace dateline::segment
