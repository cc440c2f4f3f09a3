// SPDX-License-Identifier: Apache-2.0
#include "ingest/metadata.h"

namespace dateline::ingest {

void complete_metadata(Document& doc) { (void)doc; }

}  // namespace dateline::ingest
