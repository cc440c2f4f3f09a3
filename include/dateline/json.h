// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The output contract (docs/FORMAT.md): one JSON object per article. The CLI's
/// `--format jsonl`, the HTTP API and the store's `show`/`export` all use these functions,
/// so their output is byte-identical.

#include <string>

#include "dateline/document.h"

namespace dateline {

struct JsonOptions {
  bool with_sentences = false;  ///< add "paragraphs" and "sentences"
  bool with_tokens = false;     ///< add "tokens"
  bool with_syntax = false;     ///< add tag, lemma, head and relation to "tokens" (implies tokens)
  bool pretty = false;          ///< indent (the json format); jsonl is one line
};

/// One JSON object, no trailing newline.
std::string to_json(const Document& doc, const JsonOptions& options);

/// A readable multi-line summary of the article and what was found in it.
std::string to_text(const Document& doc);

}  // namespace dateline
