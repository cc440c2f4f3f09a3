// SPDX-License-Identifier: Apache-2.0
// read_articles(): walks the inputs (files, directories, stdin), loads each one whole, checks
// it is text, and hands it to the reader for its format. Every failure is reported through
// the error sink with the path (and line/byte where known) and reading goes on.
#include "ingest/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "ingest/ascii.h"
#include "ingest/date_parser.h"
#include "ingest/metadata.h"
#include "ingest/warc_reader.h"
#include "model/hash.h"
#include "text/utf8.h"

namespace dateline::ingest {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 8192;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view skip_bom_and_space(std::string_view s) {
  if (s.substr(0, 3) == kBom) s.remove_prefix(3);
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

// White space, including the Unicode spaces news pages pad with (no-break, zero-width).
bool only_white_space(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    size_t n;
    char32_t c = text::decode(s, i, &n);
    if (c != 0xA0 && c != 0xFEFF && c != 0x200B && c != 0x2028 && c != 0x2029 &&
        !(c >= 0x2000 && c <= 0x200A) && c != 0x3000) {
      return false;
    }
    i += n;
  }
  return true;
}

std::string std_error_message(const std::error_code& ec) { return ec.message(); }

std::string over_limit(const std::string& path, size_t size, size_t limit, const char* what) {
  return path + ": " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) +
         " bytes for " + what + "; skipped";
}

// The most bytes an input of `format` may have: JSON Lines and WARC hold many articles,
// each held to max_input_bytes by their readers.
size_t input_limit(const ReaderOptions& options, InputFormat format) {
  return format == InputFormat::kJsonLines || format == InputFormat::kWarc
             ? std::max(options.max_json_lines_bytes, options.max_input_bytes)
             : options.max_input_bytes;
}

// Loads a whole regular file; kBadInput when it is over the size limit for its format (told
// from the extension and the first bytes before the rest is read), kNotFound/kIo otherwise.
Result<std::string> load_file(const std::string& path, const ReaderOptions& options) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return error(ErrorCode::kIo, path + ": cannot read: " + std_error_message(ec));
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    int err = errno;
    return error(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                 path + ": cannot open: " + std::strerror(err));
  }
  std::string raw;
  raw.resize(static_cast<size_t>(std::min<uintmax_t>(size, kSniffBytes)));
  size_t got = std::fread(raw.data(), 1, raw.size(), f);
  const size_t limit =
      input_limit(options, detect_format(path, std::string_view(raw).substr(0, got)));
  if (size > limit) {
    std::fclose(f);
    return error(ErrorCode::kBadInput, over_limit(path, size, limit, "one input"));
  }
  if (got == raw.size() && size > raw.size()) {
    raw.resize(static_cast<size_t>(size));
    got += std::fread(raw.data() + got, 1, raw.size() - got, f);
  }
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return error(ErrorCode::kIo, path + ": read error at byte " + std::to_string(got));
  raw.resize(got);  // the file may have shrunk since it was measured
  return raw;
}

// Reads a stream (stdin, a named pipe) to its end, or until it is over the limit for its
// format (told from its first bytes, or from `path`'s extension).
Result<std::string> load_stream(std::FILE* f, const std::string& path,
                                const ReaderOptions& options) {
  std::string raw;
  char buf[1 << 16];
  size_t n;
  size_t limit = options.max_input_bytes;
  bool format_known = false;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    raw.append(buf, n);
    if (!format_known && (raw.size() >= kSniffBytes || raw.size() > limit)) {
      limit = input_limit(options, detect_format(path, raw));
      format_known = true;
    }
    if (raw.size() > limit) {
      return error(ErrorCode::kBadInput, path + ": over the limit of " + std::to_string(limit) +
                                             " bytes for one input; skipped");
    }
  }
  if (std::ferror(f))
    return error(ErrorCode::kIo, path + ": read error at byte " + std::to_string(raw.size()));
  return raw;
}

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

const char* file_kind(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a named pipe";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::character:
      return "a character device";
    default:
      return "not a regular file";
  }
}

// Regular files under `dir`, recursively, hidden files and folders skipped, sorted by path
// so that a batch is read in the same order on every machine. What is not read is reported:
// a folder that cannot be listed, a symbolic link to a folder (not followed, so that a link
// cannot loop or lead out of the tree), a pipe, socket or device (reading one could block).
void list_directory(const fs::path& dir, std::vector<std::string>& files,
                    const ErrorSink& on_error) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    on_error(error(ErrorCode::kIo,
                   dir.string() + ": cannot list: " + std_error_message(ec) + "; folder skipped"));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!is_hidden(it->path())) entries.push_back(*it);
  }
  if (ec) {
    on_error(error(ErrorCode::kIo, dir.string() + ": cannot list all of it: " +
                                       std_error_message(ec) + "; the rest skipped"));
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path() < b.path();
            });
  for (const fs::directory_entry& entry : entries) {
    const std::string path = entry.path().string();
    const fs::file_status target = entry.status(ec);  // follows links
    if (ec && !entry.is_symlink()) {
      on_error(error(ErrorCode::kIo, path + ": cannot read: " + std_error_message(ec)));
      continue;
    }
    if (entry.is_symlink(ec) && fs::is_directory(target)) {
      on_error(error(ErrorCode::kBadInput,
                     path + ": symbolic link to a folder, not followed; name the folder itself "
                            "to read it"));
    } else if (fs::is_directory(target)) {
      list_directory(entry.path(), files, on_error);
    } else if (fs::is_regular_file(target)) {
      files.push_back(path);
    } else if (!fs::exists(target)) {
      on_error(error(ErrorCode::kNotFound, path + ": broken symbolic link; skipped"));
    } else {
      on_error(error(ErrorCode::kBadInput,
                     path + ": " + file_kind(target.type()) + " inside a folder; skipped"));
    }
  }
}

void read_path(const std::string& path, const ReaderOptions& options, const ArticleSink& on_article,
               const PositionedErrorSink& on_error) {
  if (is_warc_path(path)) {  // read as a stream: crawl files are far over the input limit
    read_warc_file(path, options, on_article, [&](const Status& s) {
      on_error(s, InputPosition{path, 0, 0});
    });
    return;
  }
  Result<std::string> raw = load_file(path, options);
  if (!raw.ok()) {
    on_error(raw.status(), InputPosition{path, 0, 0});
    return;
  }
  read_buffer(raw.value(), path, options, on_article, on_error);
}

// A named pipe given as an input ("<(curl ...)", mkfifo) or a character device: read as a
// stream, like stdin.
void read_pipe(const std::string& path, const ReaderOptions& options, const ArticleSink& on_article,
               const PositionedErrorSink& on_error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    on_error(error(ErrorCode::kIo, path + ": cannot open: " + std::strerror(errno)),
             InputPosition{path, 0, 0});
    return;
  }
  Result<std::string> raw = load_stream(f, path, options);
  std::fclose(f);
  if (!raw.ok()) {
    on_error(raw.status(), InputPosition{path, 0, 0});
    return;
  }
  read_buffer(raw.value(), path, options, on_article, on_error);
}

}  // namespace

InputFormat detect_format(std::string_view path, std::string_view head) {
  for (std::string_view ext : {".html", ".htm", ".xhtml"}) {
    if (ends_with_ci(path, ext)) return InputFormat::kHtml;
  }
  for (std::string_view ext : {".jsonl", ".ndjson"}) {
    if (ends_with_ci(path, ext)) return InputFormat::kJsonLines;
  }
  if (is_warc_path(path) || looks_like_warc(head.substr(0, kSniffBytes))) {
    return InputFormat::kWarc;
  }
  std::string_view s = skip_bom_and_space(head.substr(0, kSniffBytes));
  if (!s.empty() && s[0] == '{') return InputFormat::kJsonLines;
  // A .json file holding an array is JSON too (the JSON Lines reader says what is wrong).
  if (!s.empty() && s[0] == '[' && ends_with_ci(path, ".json")) return InputFormat::kJsonLines;
  if (!s.empty() && s[0] == '<') {
    std::string start = lower_ascii(s.substr(0, 2048));
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<article",
                                 "<div", "<p>", "<p ", "<title", "<!--"}) {
      if (start.find(tag) != std::string::npos) return InputFormat::kHtml;
    }
  }
  return InputFormat::kText;
}

Status check_not_binary(std::string_view raw, const std::string& path) {
  std::string_view head = raw.substr(0, kSniffBytes);
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") {
    return error(ErrorCode::kBadInput,
                 path + ": byte 0: UTF-16 text is not supported; convert it to UTF-8");
  }
  size_t control = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    auto c = static_cast<unsigned char>(head[i]);
    if (c == 0) {
      return error(ErrorCode::kBadInput,
                   path + ": byte " + std::to_string(i) + ": NUL byte; binary file skipped");
    }
    if (c < 0x20 && !is_space(static_cast<char>(c)) && c != 0x1B) ++control;
  }
  // Text has next to no C0 controls; a few percent means an image, archive or database.
  if (!head.empty() && control * 20 > head.size()) {
    return error(ErrorCode::kBadInput, path + ": " + std::to_string(control) + " of the first " +
                                           std::to_string(head.size()) +
                                           " bytes are control bytes; binary file skipped");
  }
  return ok_status();
}

// "<where>: byte <at>: <what> replaced by U+FFFD<in_text>".
std::string repaired_message(const std::string& where, size_t at, const std::string& what,
                             const std::string& in_text) {
  std::string message = where;
  message += ": byte ";
  message += std::to_string(at);
  message += ": ";
  message += what;
  message += " replaced by U+FFFD";
  message += in_text;
  return message;
}

void report_bad_bytes(const std::vector<size_t>& bad, const std::string& where, size_t base,
                      const std::string& what, std::vector<Diagnostic>* out, bool text_offsets) {
  size_t shown = std::min(bad.size(), kMaxUtf8Diagnostics);
  for (size_t k = 0; k < shown; ++k) {
    size_t at = base + bad[k];
    // Each replacement is 2 bytes longer than the byte it replaces.
    const std::string in_text =
        text_offsets ? "; text byte " + std::to_string(bad[k] + 2 * k) : std::string();
    out->push_back(
        {"invalid_utf8", repaired_message(where, at, what, in_text), static_cast<int64_t>(at)});
  }
  if (bad.size() > shown) {
    size_t at = base + bad[shown];
    out->push_back({"invalid_utf8",
                    where + ": byte " + std::to_string(at) + ": " +
                        std::to_string(bad.size() - shown) + " more (" + what +
                        ") replaced by U+FFFD, not listed",
                    static_cast<int64_t>(at)});
  }
}

std::string repair_input(std::string_view raw, const std::string& where, size_t base,
                         std::vector<Diagnostic>* out, bool text_offsets) {
  if (text::find_invalid_utf8(raw) == std::string_view::npos) return std::string(raw);
  std::vector<size_t> bad;
  std::string repaired = text::repair_utf8(raw, &bad);
  report_bad_bytes(bad, where, base, "invalid UTF-8", out, text_offsets);
  return repaired;
}

void set_identity(Document& doc, std::string_view path) {
  doc.content_hash = model::content_hash(doc.text);
  if (!doc.meta.id.empty()) return;
  if (path != "-") doc.meta.id = fs::path(path).stem().string();
  if (doc.meta.id.empty()) doc.meta.id = doc.content_hash;
}

Document make_document(std::string_view raw, const std::string& path) {
  Document doc;
  // Diagnostics name bytes of the file; spans are offsets into doc.text, which starts after
  // a byte-order mark and is longer by 2 bytes for each repair (docs/INGEST.md, Offsets).
  size_t bom = 0;
  if (raw.substr(0, 3) == kBom) {
    raw.remove_prefix(3);
    bom = 3;
  }
  doc.text = repair_input(raw, path, bom, &doc.diagnostics, /*text_offsets=*/true);
  doc.meta.path = path;
  set_identity(doc, path);
  return doc;
}

Result<Document> read_text(std::string_view raw, const std::string& path) {
  if (only_white_space(raw)) {
    return error(ErrorCode::kBadInput, path + ": empty (no text, only white space)");
  }
  return make_document(raw, path);
}

void finish_document(Document& doc, const ReaderOptions& options) {
  if (!doc.meta.published.empty() || options.default_published.empty()) return;
  // Front ends check the option (parse_publication_date); a caller that did not gets no
  // string stored as a date either.
  Result<std::string> iso = parse_publication_date(options.default_published, "published");
  if (iso.ok()) set_meta(doc.meta, "published", iso.value(), "default");
}

std::optional<InputFormat> format_of_content_type(std::string_view content_type) {
  std::string type = lower_ascii(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && is_space(type.back())) type.pop_back();
  while (!type.empty() && is_space(type.front())) type.erase(0, 1);
  if (type == "text/html" || type == "application/xhtml+xml") return InputFormat::kHtml;
  if (type == "application/json" || type == "application/x-ndjson" ||
      type == "application/ndjson" || type == "application/jsonl" ||
      type == "application/x-jsonlines" || type == "application/jsonlines") {
    return InputFormat::kJsonLines;
  }
  if (type == "text/plain") return InputFormat::kText;
  if (type == "application/warc") return InputFormat::kWarc;
  return std::nullopt;
}

void read_buffer(std::string_view raw, const std::string& path, const ReaderOptions& options,
                 const ArticleSink& on_article, const ErrorSink& on_error,
                 std::optional<InputFormat> given_format) {
  read_buffer(
      raw, path, options, on_article, [&](const Status& s, const InputPosition&) { on_error(s); },
      given_format);
}

void read_buffer(std::string_view raw, const std::string& path, const ReaderOptions& options,
                 const ArticleSink& on_article, const PositionedErrorSink& on_positioned_error,
                 std::optional<InputFormat> given_format) {
  const ErrorSink on_error = [&](const Status& s) {
    on_positioned_error(s, InputPosition{path, 0, 0});
  };
  const InputFormat format = given_format ? *given_format : detect_format(path, raw);
  if (const size_t limit = input_limit(options, format); raw.size() > limit) {
    on_error(error(ErrorCode::kBadInput, over_limit(path, raw.size(), limit, "one input")));
    return;
  }
  if (format == InputFormat::kWarc) {
    read_warc_bytes(raw, path, options, on_article, on_error);
    return;
  }
  if (raw.substr(0, 2) == "\x1F\x8B") {
    on_error(error(ErrorCode::kBadInput,
                   path + ": byte 0: gzip-compressed and not a WARC file; decompress it first"));
    return;
  }
  // An HTML page may be in UTF-16 when it says so with a byte-order mark (charset.h).
  const bool utf16_html = format == InputFormat::kHtml &&
                          (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF");
  if (Status s = check_not_binary(raw, path); !s.ok() && !utf16_html) {
    on_error(s);
    return;
  }
  if (format == InputFormat::kJsonLines) {
    read_json_lines(raw, path, options, on_article, on_positioned_error);
    return;
  }
  Result<Document> doc = format == InputFormat::kHtml ? read_html(raw, path) : read_text(raw, path);
  if (!doc.ok()) {
    on_error(doc.status());
    return;
  }
  finish_document(doc.value(), options);
  on_article(std::move(doc).value());
}

}  // namespace dateline::ingest

namespace dateline {

void read_article_bytes(std::string_view bytes, const std::string& name,
                        const std::string& content_type, const ReaderOptions& options,
                        const ArticleSink& on_article, const ErrorSink& on_error) {
  ingest::read_buffer(bytes, name, options, on_article, on_error,
                      ingest::format_of_content_type(content_type));
}

size_t find_invalid_utf8(std::string_view value) { return text::find_invalid_utf8(value); }

Result<std::string> parse_publication_date(std::string_view value, std::string_view field) {
  std::string iso = ingest::normalize_date(value);
  if (iso.empty()) {
    return error(ErrorCode::kInvalidArgument,
                 std::string(field) + ": '" + std::string(value.substr(0, 100)) +
                     "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY, with or without a time, or "
                     "a date such as 'March 6, 2026')");
  }
  return iso;
}

void read_articles(const std::vector<std::string>& inputs, const ReaderOptions& options,
                   const ArticleSink& on_article, const ErrorSink& on_error) {
  read_articles(inputs, options, on_article,
                [&](const Status& s, const InputPosition&) { on_error(s); });
}

void read_articles(const std::vector<std::string>& inputs, const ReaderOptions& options,
                   const ArticleSink& on_article, const PositionedErrorSink& on_positioned_error) {
  namespace fs = std::filesystem;
  for (const std::string& input : inputs) {
    if (input == "-") {
      ingest::read_stdin(options, on_article, on_positioned_error);
      continue;
    }
    const ErrorSink on_error = [&](const Status& s) {
      on_positioned_error(s, InputPosition{input, 0, 0});
    };
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      on_error(error(ErrorCode::kIo, input + ": cannot read: " + ec.message()));
    } else if (!fs::exists(st)) {
      on_error(error(ErrorCode::kNotFound, input + ": no such file or directory"));
    } else if (fs::is_directory(st)) {
      std::vector<std::string> files;
      ingest::list_directory(input, files, on_error);
      for (const std::string& file : files) {
        ingest::read_path(file, options, on_article, on_positioned_error);
      }
    } else if (fs::is_fifo(st) || fs::is_character_file(st)) {
      ingest::read_pipe(input, options, on_article, on_positioned_error);
    } else if (fs::is_regular_file(st)) {
      ingest::read_path(input, options, on_article, on_positioned_error);
    } else {
      on_error(error(ErrorCode::kBadInput, input + ": " + ingest::file_kind(st.type()) +
                                               ", not a file or folder; skipped"));
    }
  }
}

}  // namespace dateline
