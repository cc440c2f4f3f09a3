// SPDX-License-Identifier: Apache-2.0
#pragma once
// Paragraph, sentence and token segmentation of news text.

#include "dateline/document.h"

namespace dateline::segment {

/// Stateless and immutable: one instance may serve many threads.
class Segmenter {
 public:
  /// Requires: doc.text is valid UTF-8. Ensures: paragraphs, sentences and tokens cover the
  /// text in order with byte spans; every token belongs to exactly one sentence.
  void segment(Document& doc) const;
};

}  // namespace dateline::segment
