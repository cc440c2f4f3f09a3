// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reader of PolNeAR in the JSON Lines form of ../shared/data/polnear: one article a line
// with "doc", "text" and "attributions" whose "source", "cue" and "content" are lists of
// fragments with UTF-8 byte offsets ("start_byte", "end_byte").

#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline::quotes {

struct GoldAttribution {
  std::vector<Span> source, cue, content;  ///< fragments, byte offsets into the text
};

struct PolnearArticle {
  std::string id;
  std::string text;
  std::vector<GoldAttribution> attributions;
};

/// Reads every article of `path`. A malformed line is an error naming the line.
Result<std::vector<PolnearArticle>> read_polnear(const std::string& path);

}  // namespace dateline::quotes
