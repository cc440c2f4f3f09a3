// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The output contract (docs/FORMAT.md): one JSON object per article. The CLI's
/// `--format jsonl`, the HTTP API and the store's `show`/`export` all use these functions,
/// so their output is byte-identical.

#include <cstddef>
#include <string>
#include <string_view>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

struct JsonOptions {
  bool with_sentences = false;  ///< add "paragraphs" and "sentences"
  bool with_tokens = false;     ///< add "tokens"
  bool with_syntax = false;     ///< add tag, lemma, head and relation to "tokens" (implies tokens)
  /// add what the default JSON leaves out and the store keeps, so that from_json() gives
  /// back the Document `dateline import` stores: "text", every mention (with its `why`),
  /// the time index of quotes and events (implies sentences and tokens)
  bool with_record = false;
  bool pretty = false;  ///< indent (the json format); jsonl is one line
};

/// One JSON object, no trailing newline.
std::string to_json(const Document& doc, const JsonOptions& options);

/// One line of input that could not be read as an article, as extract prints it in place of
/// the article: {"error": {"code", "message", "input", "line", "byte"}}, line and byte being
/// where the input's line starts (0 for a whole input). No trailing newline.
std::string error_json(const Status& status, const std::string& input, size_t line, size_t byte);

/// The Document that to_json() printed with `with_record` (one line of `dateline extract
/// --with record`): kBadInput naming `where` (file:line) when `json` is not such an object,
/// its content_hash is not the hash of its text, a field has the wrong type, or a span or
/// index falls outside the text or its list.
/// Ensures: to_json(from_json(to_json(d, {with_record})), o) == to_json(d, o) for every o.
Result<Document> from_json(std::string_view json, const std::string& where);

/// A readable multi-line summary of the article and what was found in it.
std::string to_text(const Document& doc);

}  // namespace dateline
