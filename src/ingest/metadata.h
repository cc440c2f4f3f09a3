// SPDX-License-Identifier: Apache-2.0
#pragma once
// Metadata read from the article text itself: title, outlet, publication date, dateline
// place, byline, and which paragraphs are boilerplate (credit, copyright, "read more").

#include <string>
#include <string_view>

#include "dateline/document.h"

namespace dateline::ingest {

/// Requires: doc.paragraphs is filled (segmentation ran); sentences may be.
/// Ensures: meta fields that are empty, or hold only the reader's default (provenance
/// "default"), are completed from the text where it states them, each with its provenance
/// ("title-line", "credit-line", "copyright-line", "dateline", "byline"); paragraphs that are
/// credit, copyright, byline or promotion lines ("Read more", "Follow us") get
/// boilerplate = true, and so do their sentences.
void complete_metadata(Document& doc);

/// Sets the meta field named `field` ("title", "outlet", "published", "modified", "crawled",
/// "dateline", "byline", "url", "language", "id") to `value` and records `source` as its provenance, replacing an
/// earlier provenance entry for the same field. Unknown names are ignored.
void set_meta(DocumentMeta& meta, std::string_view field, std::string value,
              std::string_view source);

/// The provenance recorded for `field`, or "" when none.
std::string_view provenance_of(const DocumentMeta& meta, std::string_view field);

}  // namespace dateline::ingest
