// SPDX-License-Identifier: Apache-2.0
#pragma once
// Metadata read from the article text itself: outlet, publication date, dateline place,
// byline, and which paragraphs are boilerplate (credit, copyright, "read more").

#include "dateline/document.h"

namespace dateline::ingest {

/// Requires: doc.paragraphs is filled (segmentation ran).
/// Ensures: empty meta fields are completed from the text where it states them, with
/// provenance; paragraphs that are credit/copyright lines get boilerplate = true.
void complete_metadata(Document& doc);

}  // namespace dateline::ingest
