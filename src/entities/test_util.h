// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test helper: builds a tokenised Document and its analysed sentences from bracket markup,
// "[PER Stephen Miller] , the [ORG White House] adviser , said ." (tokens split at spaces,
// one sentence per line); and words split at spaces.

#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "entities/coreference.h"
#include "segment/token_view.h"

namespace dateline::entities::testing {

/// The words of `text` split at single spaces, stored in `store`; the views point into it.
inline std::vector<std::string_view> split_words(std::string_view text,
                                                 std::vector<std::string>& store) {
  store.clear();
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    store.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  return {store.begin(), store.end()};
}

inline EntityType markup_type(const std::string& tag) {
  if (tag == "PER") return EntityType::kPerson;
  if (tag == "ORG") return EntityType::kOrg;
  if (tag == "GPE") return EntityType::kGpe;
  if (tag == "NORP") return EntityType::kNorp;
  return EntityType::kLoc;
}

struct Marked {
  Document doc;
  std::vector<AnalysedSentence> sentences;
  /// The words' `lower` views point into it; on the heap so that moving a Marked keeps them.
  std::unique_ptr<segment::TokenView> tokens;
};

inline Marked parse_markup(const std::string& markup) {
  Marked m;
  std::istringstream lines(markup);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    AnalysedSentence a;
    a.index = static_cast<uint32_t>(m.doc.sentences.size());
    Sentence s;
    s.token_begin = static_cast<uint32_t>(m.doc.tokens.size());
    std::istringstream in(line);
    std::string tok;
    int open = -1;
    EntityType open_type = EntityType::kOther;
    while (in >> tok) {
      if (tok[0] == '[' && tok.size() > 1) {
        open = static_cast<int>(a.words.size());
        open_type = markup_type(tok.substr(1));
        continue;
      }
      bool close = tok.size() > 1 && tok.back() == ']';
      if (tok == "]") {
        a.names.push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(a.words.size()),
                           open_type, -1, "markup"});
        continue;
      }
      if (close) tok.pop_back();
      if (!m.doc.text.empty()) m.doc.text += ' ';
      Token t;
      t.span = {static_cast<uint32_t>(m.doc.text.size()),
                static_cast<uint32_t>(m.doc.text.size() + tok.size())};
      t.sentence = a.index;
      m.doc.text += tok;
      m.doc.tokens.push_back(t);
      a.words.push_back({t.span, {}, static_cast<int32_t>(m.doc.tokens.size() - 1)});
      if (close) {
        a.names.push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(a.words.size()),
                           open_type, -1, "markup"});
      }
    }
    s.token_end = static_cast<uint32_t>(m.doc.tokens.size());
    m.doc.sentences.push_back(s);
    m.sentences.push_back(std::move(a));
  }
  // Views into the final text (it no longer reallocates).
  m.tokens = std::make_unique<segment::TokenView>(m.doc);
  for (AnalysedSentence& a : m.sentences) {
    for (Word& w : a.words) {
      w.text = m.doc.slice(w.span);
      w.lower = m.tokens->lower(w.span);
    }
  }
  return m;
}

}  // namespace dateline::entities::testing
