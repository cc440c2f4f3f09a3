// SPDX-License-Identifier: Apache-2.0
#pragma once
// Article readers: plain text, HTML, JSON Lines; the public read_articles() dispatches here.

#include <string>
#include <string_view>

#include "dateline/reader.h"

namespace dateline::ingest {

/// Builds the Document for one article body read from `path` (meta fields not given stay "").
/// Repairs invalid UTF-8 and records a Diagnostic for each repair.
Document make_document(std::string_view raw, const std::string& path);

}  // namespace dateline::ingest
