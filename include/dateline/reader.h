// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// Reading articles from files, directories, JSON Lines and stdin.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

/// Called with a note about an input that is not an error: what a WARC file held besides
/// the pages read ("crawl.warc.gz: 12 WARC records, 8 HTML pages read; skipped 1 request, ...").
using NoteSink = std::function<void(const std::string&)>;

struct ReaderOptions {
  /// The largest article, in bytes: a text or HTML input, one line of JSON Lines, or one
  /// WARC record's page. Larger ones are reported and skipped. This bounds the memory one
  /// article takes in the pipeline (docs/RELIABILITY.md gives the figure per MB of text).
  size_t max_input_bytes = size_t{8} << 20;
  /// The largest JSON Lines or WARC input held in memory whole (stdin, a request body); each
  /// of its articles is held to max_input_bytes. A WARC file named by path is read as a
  /// stream, whatever its size.
  size_t max_json_lines_bytes = size_t{1} << 30;
  /// Publication date to use when an article states none: ISO 8601, possibly partial
  /// ("2026-03-06", "2026-03", "2026"). Front ends check it with parse_publication_date().
  std::string default_published;
  /// Where notes go; none are made when empty.
  NoteSink on_note;
  /// The name "-" (stdin) goes by in messages, `meta.path` and ids ("shards/part-0003.jsonl"),
  /// so that a shard piped in gives the output of the same file named on the command line.
  std::string stdin_name = "-";
  /// Called when reading stdin is about to wait for more bytes. A caller that holds finished
  /// results (OrderedPool::drain) hands them out here, so that a consumer at the other end
  /// of a pipe gets each article's result before it sends the next one. May be empty.
  std::function<void()> on_wait;
};

/// The ISO 8601 form ("2026-03-06", "2026-03", "2026") of a publication date a user gives
/// (`--published`, `?published=`): ISO 8601 with or without a time, or a date as news pages
/// write it ("March 6, 2026", "6 March 2026"). kInvalidArgument naming `field` when `value`
/// is not a date ("yesterday", "2026-02-30"), so that nothing else is ever stored as one.
Result<std::string> parse_publication_date(std::string_view value, std::string_view field);

/// The byte offset of the first byte of `value` that is not part of well-formed UTF-8, or
/// std::string_view::npos when there is none: for front ends that refuse such a value
/// rather than repair it as the readers do.
size_t find_invalid_utf8(std::string_view value);

/// Called once per article read; the Document holds `text`, `meta`, `content_hash` and any
/// diagnostics (e.g. repaired UTF-8) but no analysis yet.
using ArticleSink = std::function<void(Document&&)>;
/// Called once per input (or JSONL line) that could not be read as an article; reading goes on.
using ErrorSink = std::function<void(const Status&)>;

/// Where an input that could not be read is: its name and, for a line of JSON Lines, the
/// line's number (from 1) and the byte offset where the line starts in the input (both 0
/// for a whole input).
struct InputPosition {
  std::string input;
  size_t line = 0;
  size_t byte = 0;
};
/// An ErrorSink told where the error is.
using PositionedErrorSink = std::function<void(const Status&, const InputPosition&)>;

/// Reads every input in order: a file (plain text, HTML, JSON Lines, WARC by content and
/// extension; a WARC file may be gzip-compressed, one member per record or as a whole), a
/// named pipe or "-" for stdin, or a directory (recursively, in sorted path
/// order; hidden entries skipped, symbolic links to directories not followed). Each HTML page
/// of a WARC file is one article ("FILE:RECORD" in messages; id = WARC-Record-ID, url =
/// WARC-Target-URI, meta.crawled = WARC-Date); other records are counted in a note.
/// Ensures: each article reaches `on_article` exactly once; each unreadable input reaches
/// `on_error` with its file name and byte position, and so does every entry of a directory
/// that is not read (an unreadable folder, a link to a folder, a pipe or device); one bad
/// input never stops the others.
/// Stdin that starts with a JSON object is read as a stream, one line at a time: each
/// article reaches `on_article` as soon as its line has arrived, and memory holds one line
/// (at most max_input_bytes) whatever the length of the stream. Other stdin (a page, a
/// text, a JSON document over several lines) is read to its end first.
void read_articles(const std::vector<std::string>& inputs, const ReaderOptions& options,
                   const ArticleSink& on_article, const ErrorSink& on_error);
/// The same, each error with its position.
void read_articles(const std::vector<std::string>& inputs, const ReaderOptions& options,
                   const ArticleSink& on_article, const PositionedErrorSink& on_error);

/// Reads articles from bytes held in memory (an HTTP request body): plain text, HTML, JSON
/// Lines (one or more objects) or a WARC file, detected from `content_type` ("text/html",
/// "application/json", "application/x-ndjson", "text/plain", "application/warc") or, when
/// empty, from the content as for a file. `name` stands for the file name in diagnostics and
/// doc.meta.path.
/// Ensures: the same articles and errors as read_articles() on a file holding `bytes`.
void read_article_bytes(std::string_view bytes, const std::string& name,
                        const std::string& content_type, const ReaderOptions& options,
                        const ArticleSink& on_article, const ErrorSink& on_error);

}  // namespace dateline
