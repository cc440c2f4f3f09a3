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

#include "ingest/metadata.h"
#include "model/hash.h"
#include "text/utf8.h"

namespace dateline::ingest {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 8192;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view skip_bom_and_space(std::string_view s) {
  if (s.substr(0, 3) == kBom) s.remove_prefix(3);
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
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

// Loads a whole file; kBadInput when it is over the size limit, kNotFound/kIo otherwise.
Result<std::string> load_file(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return error(ErrorCode::kNotFound, path + ": cannot read: " + std_error_message(ec));
  if (size > max_bytes) {
    return error(ErrorCode::kBadInput, path + ": " + std::to_string(size) +
                                           " bytes, over the limit of " +
                                           std::to_string(max_bytes) + " bytes; skipped");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    int err = errno;
    return error(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                 path + ": cannot open: " + std::strerror(err));
  }
  std::string raw;
  raw.resize(static_cast<size_t>(size));
  size_t got = std::fread(raw.data(), 1, raw.size(), f);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return error(ErrorCode::kIo, path + ": read error at byte " + std::to_string(got));
  raw.resize(got);  // the file may have shrunk since it was measured
  return raw;
}

Result<std::string> load_stdin(size_t max_bytes) {
  std::string raw;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
    raw.append(buf, n);
    if (raw.size() > max_bytes) {
      return error(ErrorCode::kBadInput, "-: standard input is over the limit of " +
                                             std::to_string(max_bytes) + " bytes; skipped");
    }
  }
  if (std::ferror(stdin)) return error(ErrorCode::kIo, "-: read error on standard input");
  return raw;
}

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Regular files under `dir`, recursively, hidden files and folders skipped, sorted by path
// so that a batch is read in the same order on every machine.
std::vector<std::string> list_directory(const std::string& dir, const ErrorSink& on_error) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    on_error(error(ErrorCode::kIo, dir + ": cannot list: " + std_error_message(ec)));
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      on_error(error(ErrorCode::kIo, dir + ": cannot list: " + std_error_message(ec)));
      break;
    }
    const fs::directory_entry& entry = *it;
    if (is_hidden(entry.path())) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void read_path(const std::string& path, const ReaderOptions& options, const ArticleSink& on_article,
               const ErrorSink& on_error) {
  Result<std::string> raw = load_file(path, options.max_input_bytes);
  if (!raw.ok()) {
    on_error(raw.status());
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
  std::string_view s = skip_bom_and_space(head.substr(0, kSniffBytes));
  if (!s.empty() && s[0] == '{') return InputFormat::kJsonLines;
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

std::string repair_input(std::string_view raw, const std::string& where, size_t base,
                         std::vector<Diagnostic>* out) {
  if (text::find_invalid_utf8(raw) == std::string_view::npos) return std::string(raw);
  std::vector<size_t> bad;
  std::string repaired = text::repair_utf8(raw, &bad);
  size_t shown = std::min(bad.size(), kMaxUtf8Diagnostics);
  for (size_t k = 0; k < shown; ++k) {
    size_t at = base + bad[k];
    out->push_back({"invalid_utf8",
                    where + ": byte " + std::to_string(at) + ": invalid UTF-8 replaced by U+FFFD",
                    static_cast<int64_t>(at)});
  }
  if (bad.size() > shown) {
    size_t at = base + bad[shown];
    out->push_back({"invalid_utf8",
                    where + ": byte " + std::to_string(at) + ": " +
                        std::to_string(bad.size() - shown) +
                        " more invalid UTF-8 sequences replaced by U+FFFD (not listed)",
                    static_cast<int64_t>(at)});
  }
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
  if (raw.substr(0, 3) == kBom) raw.remove_prefix(3);
  doc.text = repair_input(raw, path, 0, &doc.diagnostics);
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
  if (doc.meta.published.empty() && !options.default_published.empty()) {
    set_meta(doc.meta, "published", options.default_published, "default");
  }
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
  return std::nullopt;
}

void read_buffer(std::string_view raw, const std::string& path, const ReaderOptions& options,
                 const ArticleSink& on_article, const ErrorSink& on_error,
                 std::optional<InputFormat> given_format) {
  if (raw.size() > options.max_input_bytes) {
    on_error(error(ErrorCode::kBadInput,
                   path + ": " + std::to_string(raw.size()) + " bytes, over the limit of " +
                       std::to_string(options.max_input_bytes) + " bytes; skipped"));
    return;
  }
  if (Status s = check_not_binary(raw, path); !s.ok()) {
    on_error(s);
    return;
  }
  InputFormat format = given_format ? *given_format : detect_format(path, raw);
  if (format == InputFormat::kJsonLines) {
    read_json_lines(raw, path, options, on_article, on_error);
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

void read_articles(const std::vector<std::string>& inputs, const ReaderOptions& options,
                   const ArticleSink& on_article, const ErrorSink& on_error) {
  namespace fs = std::filesystem;
  for (const std::string& input : inputs) {
    if (input == "-") {
      Result<std::string> raw = ingest::load_stdin(options.max_input_bytes);
      if (!raw.ok()) {
        on_error(raw.status());
      } else {
        ingest::read_buffer(raw.value(), "-", options, on_article, on_error);
      }
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      on_error(error(ErrorCode::kNotFound, input + ": no such file or directory"));
    } else if (fs::is_directory(st)) {
      for (const std::string& file : ingest::list_directory(input, on_error)) {
        ingest::read_path(file, options, on_article, on_error);
      }
    } else {
      ingest::read_path(input, options, on_article, on_error);
    }
  }
}

}  // namespace dateline
