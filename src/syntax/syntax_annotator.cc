// SPDX-License-Identifier: Apache-2.0
#include "syntax/syntax_annotator.h"

namespace dateline::syntax {

Result<SyntaxAnnotator> SyntaxAnnotator::load(const SyntaxAnnotatorOptions& options) {
  SyntaxAnnotator a;
  const std::string dir = options.models_dir.empty() ? "." : options.models_dir;
  DL_ASSIGN_OR_RETURN(Tagger tagger, Tagger::load(dir + "/" + kTaggerFile));
  DL_ASSIGN_OR_RETURN(Parser parser, Parser::load(dir + "/" + kParserFile));
  a.tag_hashes_.resize(tagger.n_tags());
  for (int t = 0; t < tagger.n_tags(); ++t) {
    TaggedWord w{static_cast<uint16_t>(t), 0};
    a.tag_hashes_[t] = tag_hash(tagger.upos(w), tagger.xpos(w));
  }
  a.fingerprint_ = tagger.fingerprint() + "+" + parser.fingerprint();
  a.tagger_.emplace(std::move(tagger));
  a.parser_.emplace(std::move(parser));
  return a;
}

void SyntaxAnnotator::analyze(std::span<const std::string_view> words,
                              std::vector<WordAnalysis>* out) const {
  const size_t n = words.size();
  out->resize(n);
  // Per-thread scratch that keeps its capacity: no allocation per sentence.
  thread_local std::vector<TaggedWord> tags;
  thread_local std::vector<uint64_t> hashes;
  thread_local std::vector<ParsedWord> parse;
  tagger_->tag(words, &tags);
  hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    (*out)[i].tag = tags[i];
    tagger_->lemma(words[i], tags[i], &(*out)[i].lemma);
    hashes[i] = tag_hashes_[tags[i].tag];
  }
  if (!parser_) return;
  parser_->parse(words, hashes, &parse);
  for (size_t i = 0; i < n; ++i) (*out)[i].parse = parse[i];
}

Status SyntaxAnnotator::annotate(Document& doc) const {
  if (!tagger_) return ok_status();
  std::vector<std::string_view> words;
  std::vector<WordAnalysis> out;
  for (const Sentence& s : doc.sentences) {
    if (s.token_end <= s.token_begin || s.token_end > doc.tokens.size()) continue;
    words.clear();
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      words.push_back(doc.slice(doc.tokens[t].span));
    }
    analyze(words, &out);
    for (uint32_t i = 0; i < out.size(); ++i) {
      Token& tok = doc.tokens[s.token_begin + i];
      const WordAnalysis& w = out[i];
      tok.upos = upos(w);
      tok.xpos = xpos(w);
      tok.feats = feats(w);
      tok.lemma = w.lemma;
      if (!parser_) continue;
      tok.head = w.parse.head < 0 ? Token::kRoot
                                  : static_cast<int32_t>(s.token_begin) + w.parse.head;
      tok.deprel = deprel(w);
    }
  }
  return ok_status();
}

}  // namespace dateline::syntax
