// SPDX-License-Identifier: Apache-2.0
#pragma once
// For the events tests only: a Document made from one sentence, tokenized on spaces, as the
// pipeline would hand it to the event coder without the syntax, entities and dates stages.

#include <charconv>
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

/// Gives the tokens of a one_sentence_document() a parse written CoNLL-U style, one
/// "HEAD:DEPREL:UPOS" per token separated by spaces, HEAD 1-based and 0 for the root:
/// "2:nsubj:PROPN 0:root:VERB 2:obj:PROPN".
inline void add_parse(Document& doc, std::string_view parse) {
  size_t t = 0;
  for (size_t i = 0; i < parse.size() && t < doc.tokens.size();) {
    while (i < parse.size() && parse[i] == ' ') ++i;
    size_t j = parse.find(' ', i);
    if (j == std::string_view::npos) j = parse.size();
    const std::string_view item = parse.substr(i, j - i);
    const size_t c1 = item.find(':');
    const size_t c2 = item.rfind(':');
    if (item.empty() || c1 == std::string_view::npos || c2 == c1) break;
    int head = 0;
    std::from_chars(item.data(), item.data() + c1, head);
    Token& tok = doc.tokens[t++];
    tok.head = head == 0 ? Token::kRoot : head - 1;
    tok.deprel = std::string(item.substr(c1 + 1, c2 - c1 - 1));
    tok.upos = std::string(item.substr(c2 + 1));
    i = j;
  }
}

inline std::string lexicons_dir() { return std::string(DL_SOURCE_DIR) + "/data/lexicons"; }

}  // namespace dateline::events::testing
