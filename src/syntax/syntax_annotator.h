// SPDX-License-Identifier: Apache-2.0
#pragma once
// Part-of-speech tagging, lemmatization and dependency parsing.

#include <string>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline::syntax {

struct SyntaxAnnotatorOptions {
  std::string models_dir;  ///< folder holding tagger and parser model files
};

/// Built once from its model and lexicons, then immutable: annotate() is const and one
/// instance may serve many threads.
class SyntaxAnnotator {
 public:
  static Result<SyntaxAnnotator> load(const SyntaxAnnotatorOptions& options);

  /// Adds this stage's records to `doc`. A failure on this article is returned and the
  /// pipeline records it as a Diagnostic.
  Status annotate(Document& doc) const;

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string fingerprint_;
};

}  // namespace dateline::syntax
