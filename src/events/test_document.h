// SPDX-License-Identifier: Apache-2.0
#pragma once
// For the events tests only: a Document made from one sentence, tokenized on spaces, as the
// pipeline would hand it to the event coder without the syntax, entities and dates stages.

#include <string>
#include <string_view>

#include "dateline/document.h"

namespace dateline::events::testing {

inline Document one_sentence_document(std::string_view text, std::string published = "") {
  Document doc;
  doc.text = std::string(text);
  doc.meta.published = std::move(published);
  doc.paragraphs.push_back({{0, static_cast<uint32_t>(text.size())}, false});
  Sentence s;
  s.span = {0, static_cast<uint32_t>(text.size())};
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) {
      Token t;
      t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
      doc.tokens.push_back(t);
    }
    i = j;
  }
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

inline std::string lexicons_dir() { return std::string(DL_SOURCE_DIR) + "/data/lexicons"; }

}  // namespace dateline::events::testing
