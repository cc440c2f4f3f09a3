// SPDX-License-Identifier: Apache-2.0
#pragma once
// Time expressions, normalised TIMEX3-style against the publication date.

#include <string>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline::dates {

struct TimeNormalizerOptions {
  std::string lexicons_dir;
  /// Anchor used when the article has no publication date ("" = leave relative unresolved).
  std::string anchor_date;
};

/// Built once from its model and lexicons, then immutable: annotate() is const and one
/// instance may serve many threads.
class TimeNormalizer {
 public:
  static Result<TimeNormalizer> load(const TimeNormalizerOptions& options);

  /// Adds this stage's records to `doc`. A failure on this article is returned and the
  /// pipeline records it as a Diagnostic.
  Status annotate(Document& doc) const;

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string fingerprint_;
};

}  // namespace dateline::dates
