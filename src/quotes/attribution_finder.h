// SPDX-License-Identifier: Apache-2.0
#pragma once
// Attribution: direct, mixed and indirect quotations and reported thought, with speakers.

#include <string>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline::quotes {

struct AttributionFinderOptions {
  std::string models_dir;
  std::string lexicons_dir;
};

/// Built once from its model and lexicons, then immutable: annotate() is const and one
/// instance may serve many threads.
class AttributionFinder {
 public:
  static Result<AttributionFinder> load(const AttributionFinderOptions& options);

  /// Adds this stage's records to `doc`. A failure on this article is returned and the
  /// pipeline records it as a Diagnostic.
  Status annotate(Document& doc) const;

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string fingerprint_;
};

}  // namespace dateline::quotes
