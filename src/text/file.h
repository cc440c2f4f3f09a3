// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading a whole file into memory, for the trainers, lexicons and corpora that are parsed
// from a string. Article input goes through src/ingest, which also checks encodings.

#include <string>

#include "dateline/status.h"

namespace dateline::text {

/// The file's bytes, unchanged. kNotFound naming the path when it cannot be opened.
Result<std::string> read_file(const std::string& path);

}  // namespace dateline::text
