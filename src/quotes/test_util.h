// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test helper: a Document tokenised on white space, one sentence per paragraph (blank
// lines and single newlines both end a paragraph), like the bare segmenter. The word view
// splits punctuation and finds sentence ends itself, so the tests do not depend on the
// segment module's state.

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dateline/document.h"
#include "quotes/words.h"

namespace dateline::quotes {

inline Document whitespace_document(const std::string& text) {
  Document doc;
  doc.text = text;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    if (i >= text.size()) break;
    size_t end = text.find('\n', i);
    if (end == std::string::npos) end = text.size();
    Sentence s;
    s.span = {uint32_t(i), uint32_t(end)};
    s.paragraph = uint32_t(doc.paragraphs.size());
    s.token_begin = uint32_t(doc.tokens.size());
    for (size_t k = i; k < end;) {
      while (k < end && text[k] == ' ') ++k;
      size_t b = k;
      while (k < end && text[k] != ' ') ++k;
      if (k > b) {
        Token t;
        t.span = {uint32_t(b), uint32_t(k)};
        t.sentence = uint32_t(doc.sentences.size());
        doc.tokens.push_back(t);
      }
    }
    s.token_end = uint32_t(doc.tokens.size());
    doc.paragraphs.push_back({s.span});
    doc.sentences.push_back(s);
    i = end;
  }
  return doc;
}

/// The word range of `view` that `phrase` (its first occurrence in the text) covers;
/// {0, 0} for an empty or absent phrase.
inline std::pair<uint32_t, uint32_t> words_of(const Document& doc, const WordView& view,
                                              const std::string& phrase) {
  const size_t at = doc.text.find(phrase);
  if (phrase.empty() || at == std::string::npos) return {0, 0};
  uint32_t b = UINT32_MAX, e = 0;
  for (uint32_t i = 0; i < view.words.size(); ++i) {
    if (view.words[i].span.begin >= at && view.words[i].span.end <= at + phrase.size()) {
      b = std::min(b, i);
      e = i + 1;
    }
  }
  return b == UINT32_MAX ? std::pair<uint32_t, uint32_t>{0, 0} : std::pair{b, e};
}

/// A parse with POS tags only: every token becomes a root, those that start with one of
/// `verbs` (a form a letter longer is allowed: "said.") VERB, tagged VBG for "-ing" forms and
/// VBD otherwise. No verbs: the document stays unparsed.
inline void tag_verbs(Document& doc, const std::vector<std::string>& verbs) {
  if (verbs.empty()) return;
  for (Token& t : doc.tokens) {
    t.head = Token::kRoot;  // parsed, though with no relations
    const std::string form(doc.slice(t.span));
    for (const std::string& v : verbs) {
      if (form.rfind(v, 0) == 0 && form.size() <= v.size() + 1) {
        t.upos = "VERB";
        t.xpos = v.size() > 3 && v.compare(v.size() - 3, 3, "ing") == 0 ? "VBG" : "VBD";
      }
    }
  }
}

}  // namespace dateline::quotes
