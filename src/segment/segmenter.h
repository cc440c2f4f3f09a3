// SPDX-License-Identifier: Apache-2.0
#pragma once
// Paragraph, sentence and token segmentation of news text.

#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "model/manifest.h"
#include "segment/boundary_model.h"

namespace dateline::segment {

/// Where the segmenter finds its optional sentence-boundary model.
struct SegmenterOptions {
  std::string models_dir;  ///< reads models_dir/kModelFile when it exists
  bool use_model = true;   ///< false: rules only
};

/// The most tokens a sentence holds. Text with no sentence punctuation (a table or a list
/// run together, hostile input) is cut into pieces of at most this length, at the last
/// clause punctuation (, ; : dash) in the second half of the piece when there is one. No
/// sentence of UD English EWT or GUM comes near it (the longest has 159 tokens); it bounds
/// the work every later stage does per sentence, which keeps the pipeline linear in the
/// article's length.
inline constexpr uint32_t kMaxSentenceTokens = 256;

/// Splits a Document's text into paragraphs, sentences and UD-style words.
/// Immutable after construction: one instance may serve many threads.
class Segmenter {
 public:
  static constexpr std::string_view kModelFile = model::kSegmenterFile;

  /// Rules only (no boundary model).
  Segmenter() = default;

  /// Loads models_dir/segmenter.dlsb when options.use_model and the file exists; a missing
  /// file falls back to rules (the pipeline reports it: model/manifest.h), a damaged one or
  /// one of another kind or format version is an error (kDataLoss).
  static Result<Segmenter> load(const SegmenterOptions& options);

  /// Uses `model` for sentence boundaries (tests, trainer).
  explicit Segmenter(BoundaryModel model) : model_(std::move(model)) {}

  /// Requires: doc.text is valid UTF-8; doc.paragraphs, sentences and tokens are empty.
  /// Ensures: paragraphs, sentences and tokens cover the text in order with byte spans on
  /// code point boundaries; every token belongs to exactly one sentence and every sentence to
  /// one paragraph; a sentence's span runs from its first token's start to its last's end;
  /// no sentence has more than kMaxSentenceTokens tokens. O(n) in the text's length.
  void segment(Document& doc) const;

  /// "rules", or "model:" and the model's content hash: which sentence splitter is in use.
  std::string fingerprint() const;

  bool has_model() const { return !model_.empty(); }

 private:
  BoundaryModel model_;
};

/// Paragraph spans of `text`: blank-line separated blocks, or one paragraph per non-empty line
/// when the text has no blank line between two non-empty lines (or its lines are too long to be
/// hard-wrapped prose). Spans are trimmed of white space. Exposed for tests.
std::vector<Span> find_paragraphs(std::string_view text);

}  // namespace dateline::segment
