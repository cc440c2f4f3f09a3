// SPDX-License-Identifier: Apache-2.0
#pragma once
// Article readers: plain text, HTML, JSON Lines; the public read_articles() dispatches here.
// Each reader takes the bytes of one input already in memory plus the path to name in
// messages, so tests and the fuzzer can feed them without touching the file system.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/reader.h"

namespace dateline::ingest {

enum class InputFormat { kText, kHtml, kJsonLines, kWarc };

/// The format of an input: by extension (.html/.htm/.xhtml, .jsonl/.ndjson, .warc/.warc.gz)
/// and otherwise by its first bytes (`<` followed by HTML tags, `{`, a WARC record plain or
/// gzip-compressed); plain text when none.
InputFormat detect_format(std::string_view path, std::string_view head);

/// kBadInput naming `path` when `raw` is not text: a NUL byte or mostly control bytes in
/// the first 8 KiB. UTF-16 is reported as such. Ok otherwise.
Status check_not_binary(std::string_view raw, const std::string& path);

/// Most invalid-UTF-8 diagnostics kept per article; the rest are counted in one more.
inline constexpr size_t kMaxUtf8Diagnostics = 10;

/// Appends to `out` one "invalid_utf8" Diagnostic per offset in `bad` (at most
/// kMaxUtf8Diagnostics, then one with the count), each "WHERE: byte N: WHAT replaced by
/// U+FFFD" with N = `base` + the offset; with `text_offsets`, also the replacement's offset
/// in the repaired text ("; text byte M").
void report_bad_bytes(const std::vector<size_t>& bad, const std::string& where, size_t base,
                      const std::string& what, std::vector<Diagnostic>* out,
                      bool text_offsets = false);

/// Returns `raw` with each invalid UTF-8 byte replaced by U+FFFD (3 bytes), and appends to
/// `out` one "invalid_utf8" Diagnostic per repair (at most kMaxUtf8Diagnostics, then a
/// count). Byte offsets are `base + offset in raw`, so a JSONL line reports file offsets.
/// With `text_offsets` (the result is the article's text itself), each message also gives
/// the replacement's offset in the result ("; text byte M"), where spans point.
std::string repair_input(std::string_view raw, const std::string& where, size_t base,
                         std::vector<Diagnostic>* out, bool text_offsets = false);

/// Builds the Document for one article body read from `path` (meta fields not given stay "").
/// Repairs invalid UTF-8 and records Diagnostics for the repairs.
Document make_document(std::string_view raw, const std::string& path);

/// Sets meta.id (the file stem, else the content hash) and content_hash from doc.text.
/// Keeps an id already set.
void set_identity(Document& doc, std::string_view path);

/// Reads one plain-text article. kBadInput when it holds only white space.
Result<Document> read_text(std::string_view raw, const std::string& path);

/// Reads one HTML page: decodes it to UTF-8 (charset.h; `http_charset` is the charset of the
/// HTTP Content-Type it came with, or ""), then the article body as blank-line-separated
/// paragraphs, and the title, publication date, author, outlet, URL and language its markup
/// states. `fetched_url` is where the page was fetched from (a WARC record's target), or "":
/// the URL when the page states none, and a source of dates and site names.
/// kBadInput when the page has no article text.
Result<Document> read_html(std::string_view raw, const std::string& path,
                           std::string_view http_charset = {}, std::string_view fetched_url = {});

/// Reads JSON Lines, one article object per line, each reported as "path:LINE".
/// Lines that are not JSON objects with a string "text" go to `on_error`, with the line's
/// position; the others go on.
void read_json_lines(std::string_view raw, const std::string& path, const ReaderOptions& options,
                     const ArticleSink& on_article, const PositionedErrorSink& on_error);

/// Reads one line of JSON Lines (without its '\n'): line `line_no` of `path`, starting at
/// byte `line_start` of it. A blank line is nothing; a bad one goes to `on_error`.
void read_json_line(std::string_view line, size_t line_no, size_t line_start,
                    const std::string& path, const ReaderOptions& options,
                    const ArticleSink& on_article, const PositionedErrorSink& on_error);

/// Reads the bytes of one input: checks size and that it is text, then reads it in `format`,
/// or in the format detect_format() finds when none is given. What read_articles() does for
/// each file once loaded, and what the fuzzer calls.
void read_buffer(std::string_view raw, const std::string& path, const ReaderOptions& options,
                 const ArticleSink& on_article, const ErrorSink& on_error,
                 std::optional<InputFormat> format = std::nullopt);
/// The same, each error with its position (the line of JSON Lines).
void read_buffer(std::string_view raw, const std::string& path, const ReaderOptions& options,
                 const ArticleSink& on_article, const PositionedErrorSink& on_error,
                 std::optional<InputFormat> format = std::nullopt);

/// Reads stdin ("-"), named options.stdin_name in messages and paths. Input that starts with
/// a JSON object line is JSON Lines read as a stream: each line goes through
/// read_json_line() as soon as it has arrived, and options.on_wait runs before a read that
/// would wait for more bytes. Anything else (a page, a text, JSON over several lines) is read
/// to its end and then as read_buffer() reads a file.
/// Ensures: the same articles and errors as read_buffer() on the same bytes for JSON Lines.
void read_stdin(const ReaderOptions& options, const ArticleSink& on_article,
                const PositionedErrorSink& on_error);

/// The format a MIME type names ("text/html; charset=utf-8" -> kHtml), or nullopt when it
/// names none we read.
std::optional<InputFormat> format_of_content_type(std::string_view content_type);

/// Applies the options every article gets once read (the default publication date).
void finish_document(Document& doc, const ReaderOptions& options);

}  // namespace dateline::ingest
