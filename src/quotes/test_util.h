// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test helper: a Document tokenised on white space, one sentence per paragraph (blank
// lines and single newlines both end a paragraph), like the bare segmenter. The word view
// splits punctuation and finds sentence ends itself, so the tests do not depend on the
// segment module's state.

#include <string>

#include "dateline/document.h"

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

}  // namespace dateline::quotes
