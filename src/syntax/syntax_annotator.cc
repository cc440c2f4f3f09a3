// SPDX-License-Identifier: Apache-2.0
#include "syntax/syntax_annotator.h"

namespace dateline::syntax {

// TODO(syntax): placeholder until the stage lands; it adds nothing.
Result<SyntaxAnnotator> SyntaxAnnotator::load(const SyntaxAnnotatorOptions& options) {
  (void)options;
  return SyntaxAnnotator();
}

Status SyntaxAnnotator::annotate(Document& doc) const {
  (void)doc;
  return ok_status();
}

}  // namespace dateline::syntax
