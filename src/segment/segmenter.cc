// SPDX-License-Identifier: Apache-2.0
// Segmentation in three passes over the text: paragraphs (a line scan), words within each
// paragraph (tokenizer.cc), sentences within each paragraph (sentence_splitter.cc, optionally
// with the trained boundary model). Sentences never cross paragraphs.
#include "segment/segmenter.h"

#include <filesystem>

#include "segment/chars.h"
#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"

namespace dateline::segment {
namespace {

struct Line {
  uint32_t begin, end;  // trimmed content; begin == end for a blank line
};

// Trims white space (including Unicode spaces) from both ends of [b, e).
Span trim(std::string_view text, uint32_t b, uint32_t e) {
  while (b < e) {
    CodePoint c = code_point_at(text, b);
    if (!is_space(c.c)) break;
    b += c.len;
  }
  while (e > b) {
    size_t len = 1;
    char32_t c = static_cast<unsigned char>(text[e - 1]) < 0x80
                     ? static_cast<unsigned char>(text[e - 1])
                     : text::decode_before(text, e, &len);
    if (!is_space(c)) break;
    e -= static_cast<uint32_t>(len);
  }
  return {b, e};
}

// Cuts sentences longer than kMaxSentenceTokens (segmenter.h): `ends` are the one-past-last
// token indices of the sentences of `words`, in order.
void cap_sentence_length(std::string_view text, const std::vector<RawToken>& words,
                         std::vector<uint32_t>& ends) {
  bool too_long = false;
  for (uint32_t first = 0, k = 0; k < ends.size(); first = ends[k++]) {
    too_long = too_long || ends[k] - first > kMaxSentenceTokens;
  }
  if (!too_long) return;
  auto clause_break = [&](uint32_t k) {  // after token k
    const std::string_view t = text.substr(words[k].begin, words[k].end - words[k].begin);
    return t == "," || t == ";" || t == ":" || t == "\u2013" || t == "\u2014" || t == "-";
  };
  std::vector<uint32_t> capped;
  capped.reserve(ends.size() + words.size() / kMaxSentenceTokens);
  uint32_t first = 0;
  for (uint32_t end : ends) {
    while (end - first > kMaxSentenceTokens) {
      uint32_t cut = first + kMaxSentenceTokens;
      for (uint32_t k = cut - 1; k >= first + kMaxSentenceTokens / 2; --k) {
        if (clause_break(k)) {
          cut = k + 1;
          break;
        }
      }
      while (cut > first + 1 && words[cut - 1].fused_with_next) --cut;  // keep "do|n't" whole
      capped.push_back(cut);
      first = cut;
    }
    capped.push_back(end);
    first = end;
  }
  ends = std::move(capped);
}

}  // namespace

std::vector<Span> find_paragraphs(std::string_view text) {
  std::vector<Line> lines;
  uint32_t i = 0;
  const auto n = static_cast<uint32_t>(text.size());
  while (i < n) {
    uint32_t j = i;
    while (j < n && text[j] != '\n') ++j;
    Span t = trim(text, i, j);
    lines.push_back({t.begin, t.end});
    i = j + 1;
  }
  // Blank-line mode needs a blank line between two non-empty ones. Lines of hard-wrapped prose
  // are short; long lines in a block mean one paragraph per line after all.
  bool seen_text = false, pending_blank = false, blank_between = false;
  size_t block_lines = 0, long_lines = 0, multi_line_lines = 0;
  size_t run = 0;
  for (const Line& l : lines) {
    if (l.begin == l.end) {
      pending_blank = seen_text;
      if (run > 1) multi_line_lines += run;
      run = 0;
      continue;
    }
    blank_between |= pending_blank;
    pending_blank = false;
    seen_text = true;
    ++run;
    ++block_lines;
    if (l.end - l.begin > 200) ++long_lines;
  }
  if (run > 1) multi_line_lines += run;
  const bool line_mode = !blank_between || (multi_line_lines > 0 && long_lines * 2 > block_lines);

  std::vector<Span> out;
  uint32_t start = 0, last = 0;
  bool open = false;
  for (const Line& l : lines) {
    const bool blank = l.begin == l.end;
    if (open && (blank || line_mode)) {
      out.push_back({start, last});
      open = false;
    }
    if (blank) continue;
    if (!open) {
      start = l.begin;
      open = true;
    }
    last = l.end;
  }
  if (open) out.push_back({start, last});
  return out;
}

Result<Segmenter> Segmenter::load(const SegmenterOptions& options) {
  if (!options.use_model || options.models_dir.empty()) return Segmenter();
  const std::string path = options.models_dir + "/" + std::string(kModelFile);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Segmenter();
  DL_ASSIGN_OR_RETURN(BoundaryModel model, BoundaryModel::load(path));
  return Segmenter(std::move(model));
}

std::string Segmenter::fingerprint() const {
  return model_.empty() ? "rules" : "model:" + model_.fingerprint();
}

void Segmenter::segment(Document& doc) const {
  const std::string_view text = doc.text;
  std::vector<Span> paragraphs = find_paragraphs(text);
  std::vector<RawToken> words;
  std::vector<uint32_t> ends;
  doc.tokens.reserve(doc.tokens.size() + text.size() / 5);
  const BoundaryModel* model = model_.empty() ? nullptr : &model_;
  for (const Span& p : paragraphs) {
    words.clear();
    ends.clear();
    tokenize(text, p.begin, p.end, words);
    if (words.empty()) continue;
    split_sentences(text, words, model, ends);
    cap_sentence_length(text, words, ends);
    const auto pi = static_cast<uint32_t>(doc.paragraphs.size());
    doc.paragraphs.push_back(Paragraph{p, false});
    uint32_t first = 0;
    for (uint32_t end : ends) {
      if (end <= first) continue;
      Sentence s;
      s.paragraph = pi;
      s.span = {words[first].begin, words[end - 1].end};
      s.token_begin = static_cast<uint32_t>(doc.tokens.size());
      const auto si = static_cast<uint32_t>(doc.sentences.size());
      for (uint32_t k = first; k < end; ++k) {
        Token& t = doc.tokens.emplace_back();
        t.span = {words[k].begin, words[k].end};
        t.sentence = si;
        t.space_after = words[k].space_after;
        t.fused_with_next = words[k].fused_with_next && k + 1 < end;
      }
      s.token_end = static_cast<uint32_t>(doc.tokens.size());
      doc.sentences.push_back(s);
      first = end;
    }
  }
}

}  // namespace dateline::segment
