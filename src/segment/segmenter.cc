// SPDX-License-Identifier: Apache-2.0
#include "segment/segmenter.h"

namespace dateline::segment {

// TODO(segment): the real segmenter. This placeholder splits paragraphs on blank lines,
// treats each paragraph as one sentence and each run of non-space bytes as one token.
void Segmenter::segment(Document& doc) const {
  const std::string& t = doc.text;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == '\n' || t[i] == ' ' || t[i] == '\r' || t[i] == '\t')) ++i;
    if (i >= t.size()) break;
    size_t end = t.find("\n\n", i);
    if (end == std::string::npos) end = t.size();
    size_t e = end;
    while (e > i && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\r')) --e;
    Paragraph p{{uint32_t(i), uint32_t(e)}};
    Sentence s{p.span, uint32_t(doc.paragraphs.size()), uint32_t(doc.tokens.size()), 0};
    for (size_t k = i; k < e;) {
      while (k < e && (t[k] == ' ' || t[k] == '\n' || t[k] == '\t' || t[k] == '\r')) ++k;
      size_t b = k;
      while (k < e && !(t[k] == ' ' || t[k] == '\n' || t[k] == '\t' || t[k] == '\r')) ++k;
      if (k > b) {
        Token tok;
        tok.span = {uint32_t(b), uint32_t(k)};
        tok.sentence = uint32_t(doc.sentences.size());
        doc.tokens.push_back(tok);
      }
    }
    s.token_end = uint32_t(doc.tokens.size());
    doc.paragraphs.push_back(p);
    doc.sentences.push_back(s);
    i = end;
  }
}

}  // namespace dateline::segment
