// SPDX-License-Identifier: Apache-2.0
#pragma once
// Part-of-speech tagging, morphological features, lemmatization and dependency parsing: the
// stage that fills Token::upos, xpos, feats, lemma, head and deprel.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "model/manifest.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace dateline::syntax {

struct SyntaxAnnotatorOptions {
  std::string models_dir;  ///< folder holding en_tagger.dlm and en_parser.dlm
};

/// The model file names looked up in SyntaxAnnotatorOptions::models_dir.
inline constexpr const char* kTaggerFile = model::kTaggerFile;
inline constexpr const char* kParserFile = model::kParserFile;

/// The analysis of one word (indices are sentence-local).
struct WordAnalysis {
  TaggedWord tag;
  std::string lemma;
  ParsedWord parse;  ///< head -1 = root
};

/// Built once from its model files, then immutable: annotate() is const, keeps its scratch
/// space per call, and one instance may serve many threads. A default-constructed instance
/// (what a segment-only Pipeline holds) has no models and annotates nothing.
class SyntaxAnnotator {
 public:
  /// Loads the tagger and the parser from options.models_dir. Errors: kNotFound when a model
  /// file is missing, kDataLoss when one is corrupt or of a newer format.
  static Result<SyntaxAnnotator> load(const SyntaxAnnotatorOptions& options);

  /// Tags, lemmatizes and parses every sentence of `doc` (boilerplate ones included: they are
  /// short and later stages may still look at them). Token heads are document token indices.
  Status annotate(Document& doc) const;

  /// The same analysis for one sentence given as word forms. Ensures out->size() == n.
  void analyze(std::span<const std::string_view> words, std::vector<WordAnalysis>* out) const;

  bool has_parser() const { return parser_.has_value(); }
  const Tagger& tagger() const { return *tagger_; }
  const Parser& parser() const { return *parser_; }
  const std::string& upos(const WordAnalysis& w) const { return tagger_->upos(w.tag); }
  const std::string& xpos(const WordAnalysis& w) const { return tagger_->xpos(w.tag); }
  const std::string& feats(const WordAnalysis& w) const { return tagger_->feats(w.tag); }
  const std::string& deprel(const WordAnalysis& w) const { return parser_->label(w.parse.label); }

  /// Hex fingerprint of the model files this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::optional<Tagger> tagger_;
  std::optional<Parser> parser_;
  std::vector<uint64_t> tag_hashes_;  ///< parser view of each tagger class
  std::string fingerprint_;
};

}  // namespace dateline::syntax
