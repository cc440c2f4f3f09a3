// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// Reading articles from files, directories, JSON Lines and stdin.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

struct ReaderOptions {
  /// Inputs larger than this are reported and skipped (bytes).
  size_t max_input_bytes = size_t{64} << 20;
  /// Publication date to use when an article states none (ISO 8601, may be partial).
  std::string default_published;
};

/// Called once per article read; the Document holds `text`, `meta`, `content_hash` and any
/// diagnostics (e.g. repaired UTF-8) but no analysis yet.
using ArticleSink = std::function<void(Document&&)>;
/// Called once per input (or JSONL line) that could not be read as an article; reading goes on.
using ErrorSink = std::function<void(const Status&)>;

/// Reads every input in order: a file (plain text, HTML, JSON Lines by content and extension),
/// a directory (recursively, in sorted path order) or "-" for stdin.
/// Ensures: each article reaches `on_article` exactly once; each unreadable input reaches
/// `on_error` with its file name and byte position; one bad input never stops the others.
void read_articles(const std::vector<std::string>& inputs, const ReaderOptions& options,
                   const ArticleSink& on_article, const ErrorSink& on_error);

}  // namespace dateline
