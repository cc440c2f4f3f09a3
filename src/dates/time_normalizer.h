// SPDX-License-Identifier: Apache-2.0
#pragma once
// Time expressions, normalised TIMEX3-style against the publication date.

#include <string>

#include "dateline/document.h"
#include "dateline/status.h"
#include "segment/token_view.h"

namespace dateline::dates {

struct TimeNormalizerOptions {
  /// Unused: the stage's vocabulary is compiled in (see lexicon.h and docs/DATES.md).
  std::string lexicons_dir;
  /// Anchor used when the article has no publication date, ISO 8601, possibly partial
  /// ("2026-03-06", "2025-11", "2025"); "" = leave relative expressions unresolved.
  std::string anchor_date;
};

/// Finds DATE, TIME, DURATION and SET expressions in the story sentences of a Document and
/// normalises them against the anchor: doc.meta.published when it parses as an ISO date,
/// else options.anchor_date. Boilerplate sentences (credit and copyright lines) are skipped.
///
/// Built once, then immutable: annotate() is const and one instance may serve many threads
/// (per-call scratch lives on the stack of annotate()).
class TimeNormalizer {
 public:
  /// Fails with kInvalidArgument when options.anchor_date is given but is not an ISO date.
  static Result<TimeNormalizer> load(const TimeNormalizerOptions& options);

  /// Appends to doc.times, in text order. Reads sentences, tokens and, when the syntax stage
  /// has filled them, xpos/lemma/head/deprel (for the tense of the governing verb).
  Status annotate(Document& doc) const;
  /// The same, reading the document's TokenView built by the caller (the Pipeline builds it
  /// once for every stage).
  Status annotate(Document& doc, const segment::TokenView& tokens) const;

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string fingerprint_;
  std::string anchor_date_;
};

}  // namespace dateline::dates
