// SPDX-License-Identifier: Apache-2.0
#pragma once
// Training of the attribution tagger on a corpus annotated PolNeAR-style, and the
// exact-span scores it is tuned by (the measure of ../shared/tools/polnear_score.py).

#include <functional>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "quotes/polnear.h"
#include "quotes/tagger.h"

namespace dateline::quotes {

/// An article made ready for training: the Document has been segmented (and parsed, if a
/// parser is available) exactly as the pipeline will do it at extraction time.
struct AnnotatedArticle {
  Document doc;
  std::vector<GoldAttribution> gold;
};

struct TrainerOptions {
  int epochs = 8;
  uint32_t bits = AttributionTagger::kDefaultBits;
  /// A word enters the cue prior table when it was part of a cue this many times.
  int min_cue_count = 2;
  uint32_t seed = 1;
  /// A content-end tag and the clause-boundary features. Off by default: on PolNeAR dev it
  /// gained only +0.2 to +0.5 content F1 (docs/ATTRIBUTION.md), so the committed model has
  /// neither.
  bool content_end_tag = false;
};

/// Exact-span precision, recall and F1 (in percent) per role.
struct RoleScore {
  int tp = 0, pred = 0, gold = 0;
  double p() const { return pred ? 100.0 * tp / pred : 0; }
  double r() const { return gold ? 100.0 * tp / gold : 0; }
  double f1() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};
struct Scores {
  RoleScore source, cue, content;
  std::string to_string() const;  ///< "source P/R/F1 ..., cue ..., content ..."
};

/// Gold tags for the words of `view` (words inside a gold span of a role take that role;
/// a word whose gold span differs from the previous word's begins a new span; with
/// `content_end`, the last word of a content of two or more words takes kContentEnd).
std::vector<uint8_t> gold_tags(const WordView& view, const std::vector<GoldAttribution>& gold,
                               bool content_end = false);

/// Exact-span scores of predicted byte spans against gold, white space trimmed on both.
void score_spans(const std::string& text, const std::vector<std::pair<Role, Span>>& predicted,
                 const std::vector<GoldAttribution>& gold, Scores& scores);

/// Tagger spans of one document as byte spans (for scoring the tagger alone).
std::vector<std::pair<Role, Span>> tag_document(const AttributionTagger& tagger,
                                                const Document& doc);

/// Trains a tagger. `dev` (may be empty) is scored after every epoch through `log`.
Result<AttributionTagger> train_tagger(const std::vector<AnnotatedArticle>& train,
                                       const std::vector<AnnotatedArticle>& dev,
                                       const TrainerOptions& options,
                                       const std::function<void(const std::string&)>& log);

}  // namespace dateline::quotes
