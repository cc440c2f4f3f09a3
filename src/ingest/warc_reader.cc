// SPDX-License-Identifier: Apache-2.0
#include "ingest/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <unordered_set>

#include "ingest/ascii.h"
#include "ingest/charset.h"
#include "ingest/date_parser.h"
#include "ingest/metadata.h"
#include "ingest/reader.h"
#include "model/hash.h"
#include "text/utf8.h"

namespace dateline::ingest {
namespace {

constexpr size_t kChunk = size_t{1} << 16;
// A WARC or HTTP header is a few hundred bytes; one this long is not a header.
constexpr size_t kMaxHeaderBytes = size_t{1} << 16;
// How much of a response is read to find its HTTP header before deciding to keep it.
constexpr size_t kPeekBytes = size_t{1} << 16;

// The decompressed bytes of a plain or gzip-compressed input (one member or many), from a
// file or from memory, read in chunks.
class ByteSource {
 public:
  ByteSource(std::FILE* file, std::string_view memory) : file_(file), memory_(memory) {}
  ~ByteSource() {
    if (file_) std::fclose(file_);
    if (gzip_) inflateEnd(&zs_);
  }
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Appends up to `want` more bytes to `out`. False when the input is broken (see error())
  // and no byte came before the break.
  bool read(std::string& out, size_t want) {
    if (broken_ || (!started_ && !start())) return false;
    size_t got = 0;
    while (got < want && !end_ && !broken_) {
      if (!gzip_) {
        if (in_pos_ == in_.size() && !refill()) {
          end_ = true;
          break;
        }
        const size_t n = std::min(want - got, in_.size() - in_pos_);
        out.append(in_, in_pos_, n);
        in_pos_ += n;
        got += n;
        continue;
      }
      if (zs_.avail_in == 0 && !refill()) {
        if (in_member_) {
          fail("the gzip data is cut short");
          break;
        }
        end_ = true;
        break;
      }
      if (!in_member_) {
        if (zs_.next_in[0] != 0x1f) {
          fail("bytes after the last gzip member are not gzip");
          break;
        }
        in_member_ = true;
      }
      const size_t old = out.size(), room = std::min(want - got, kChunk);
      out.resize(old + room);
      zs_.next_out = reinterpret_cast<Bytef*>(&out[old]);
      zs_.avail_out = static_cast<uInt>(room);
      const int ret = inflate(&zs_, Z_NO_FLUSH);
      const size_t produced = room - zs_.avail_out;
      out.resize(old + produced);
      got += produced;
      if (ret == Z_STREAM_END) {
        inflateReset(&zs_);  // the next member, if any, starts a record of its own
        in_member_ = false;
      } else if (ret == Z_BUF_ERROR && zs_.avail_in == 0) {
        continue;  // needs more input
      } else if (ret != Z_OK) {
        fail("the gzip data is corrupt");
        break;
      }
    }
    return got > 0 || !broken_;
  }

  bool at_end() const { return end_; }
  const std::string& error() const { return error_; }

 private:
  bool start() {
    started_ = true;
    if (!refill()) {
      end_ = true;
      return true;
    }
    gzip_ = in_.size() >= 2 && in_[0] == '\x1f' && in_[1] == '\x8b';
    if (gzip_) {
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) return fail("zlib could not start");
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
      zs_.avail_in = static_cast<uInt>(in_.size());
    }
    return true;
  }

  // Reads the next chunk of input; false at its end.
  bool refill() {
    in_.resize(kChunk);
    size_t n = 0;
    if (file_) {
      n = std::fread(in_.data(), 1, in_.size(), file_);
      if (n == 0 && std::ferror(file_)) {
        error_ = std::string("read error: ") + std::strerror(errno);
      }
    } else {
      n = std::min(in_.size(), memory_.size() - memory_pos_);
      std::memcpy(in_.data(), memory_.data() + memory_pos_, n);
      memory_pos_ += n;
    }
    in_.resize(n);
    in_pos_ = 0;
    if (gzip_) {
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
      zs_.avail_in = static_cast<uInt>(n);
    }
    return n > 0;
  }

  bool fail(const char* why) {
    error_ = why;
    broken_ = true;
    return false;
  }

  std::FILE* file_;
  std::string_view memory_;
  size_t memory_pos_ = 0;
  std::string in_;
  size_t in_pos_ = 0;
  bool started_ = false, gzip_ = false, in_member_ = false, end_ = false, broken_ = false;
  z_stream zs_{};
  std::string error_;
};

struct Header {
  std::vector<std::pair<std::string, std::string>> fields;  // lower-cased name, value

  std::string_view get(std::string_view name) const {
    for (const auto& [n, v] : fields) {
      if (n == name) return v;
    }
    return {};
  }
};

// Parses "Name: value" lines (a line starting with white space continues the one before).
void add_header_line(std::string_view line, Header& h) {
  if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !h.fields.empty()) {
    h.fields.back().second += " ";
    h.fields.back().second += trim_ascii(line);
    return;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  h.fields.emplace_back(lower_ascii(trim_ascii(line.substr(0, colon))),
                        std::string(trim_ascii(line.substr(colon + 1))));
}

// An HTTP response message: status, headers, and where the body starts.
struct HttpMessage {
  int status = 0;
  Header header;
  size_t body_at = 0;
};

// Reads the status line and header of `block`; false when no complete header is in it.
bool parse_http(std::string_view block, HttpMessage* out) {
  size_t end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (end == std::string_view::npos) {
    end = block.find("\n\n");
    sep = 2;
  }
  if (end == std::string_view::npos || block.substr(0, 5) != "HTTP/") return false;
  std::string_view head = block.substr(0, end);
  size_t eol = head.find('\n');
  std::string_view status_line = head.substr(0, eol);
  size_t sp = status_line.find(' ');
  if (sp != std::string_view::npos) {
    for (size_t i = sp + 1;
         i < status_line.size() && std::isdigit(static_cast<unsigned char>(status_line[i])); ++i) {
      out->status = out->status * 10 + (status_line[i] - '0');
    }
  }
  while (eol != std::string_view::npos) {
    head.remove_prefix(eol + 1);
    eol = head.find('\n');
    std::string_view line = head.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    add_header_line(line, out->header);
  }
  out->body_at = end + sep;
  return true;
}

// Undoes "Transfer-Encoding: chunked"; false when the chunks are malformed.
bool dechunk(std::string_view in, std::string* out) {
  size_t i = 0;
  for (;;) {
    size_t eol = in.find('\n', i);
    if (eol == std::string_view::npos) return false;
    size_t size = 0, j = i, digits = 0;
    for (; j < eol && std::isxdigit(static_cast<unsigned char>(in[j])); ++j, ++digits) {
      const char c = in[j];
      size = size * 16 + static_cast<size_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      if (size > in.size()) return false;
    }
    if (digits == 0) return false;
    i = eol + 1;
    if (size == 0) return true;  // trailers, if any, are not needed
    if (i + size > in.size()) return false;
    out->append(in.substr(i, size));
    i += size;
    if (in.substr(i, 2) == "\r\n") {
      i += 2;
    } else if (in.substr(i, 1) == "\n") {
      i += 1;
    }
  }
}

// Undoes "Content-Encoding: gzip" or "deflate" (zlib or raw), up to `limit` bytes; false when
// the data is not what it says.
bool inflate_body(std::string_view in, size_t limit, std::string* out) {
  for (int window : {15 + 32, -15}) {  // gzip or zlib (detected), then raw deflate
    z_stream zs{};
    if (inflateInit2(&zs, window) != Z_OK) return false;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    out->clear();
    int ret = Z_OK;
    while (ret == Z_OK && out->size() <= limit) {
      const size_t old = out->size();
      out->resize(old + kChunk);
      zs.next_out = reinterpret_cast<Bytef*>(&(*out)[old]);
      zs.avail_out = static_cast<uInt>(kChunk);
      ret = inflate(&zs, Z_NO_FLUSH);
      out->resize(old + kChunk - zs.avail_out);
      if (ret == Z_BUF_ERROR && zs.avail_in == 0) break;  // cut short: keep what came out
    }
    inflateEnd(&zs);
    if (ret == Z_STREAM_END || (ret == Z_BUF_ERROR && !out->empty())) return true;
  }
  return false;
}

bool is_html_type(std::string_view content_type) {
  std::string t = lower_ascii(trim_ascii(content_type.substr(0, content_type.find(';'))));
  return t == "text/html" || t == "application/xhtml+xml";
}

// "<urn:uuid:...>" -> "urn:uuid:...".
std::string record_id(std::string_view id) {
  id = trim_ascii(id);
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  return std::string(id);
}

class WarcParser {
 public:
  WarcParser(ByteSource& src, const std::string& path, const ReaderOptions& options,
             const ArticleSink& on_article, const ErrorSink& on_error)
      : src_(src), path_(path), options_(options), on_article_(on_article), on_error_(on_error) {}

  void run() {
    while (next_record()) {
    }
    if (options_.on_note && records_ > 0) options_.on_note(summary());
  }

 private:
  // Reads one record; false at the end of the file or after an error.
  bool next_record() {
    // Records end with two line breaks; tolerate more or fewer.
    for (;;) {
      if (!fill(1)) {
        if (!src_.error().empty()) ++records_, record_at_ = base_ + pos_;  // the next record's
        return end_or_error("");
      }
      if (buf_[pos_] != '\r' && buf_[pos_] != '\n') break;
      ++pos_;
    }
    ++records_;
    record_at_ = base_ + pos_;
    std::string_view line;
    if (!read_line(&line)) return end_or_error("its header is cut short");
    if (line.substr(0, 5) != "WARC/") {
      return report("not a WARC record (no WARC/ version line); reading of the file stopped");
    }
    Header h;
    for (;;) {
      if (!read_line(&line)) return end_or_error("its header is cut short");
      if (line.empty()) break;
      add_header_line(line, h);
    }
    const std::string_view length_field = h.get("content-length");
    uint64_t length = 0;
    if (length_field.empty() ||
        !std::all_of(length_field.begin(), length_field.end(),
                     [](char c) { return c >= '0' && c <= '9'; }) ||
        length_field.size() > 15) {
      return report("no valid Content-Length; reading of the file stopped");
    }
    for (char c : length_field) length = length * 10 + static_cast<uint64_t>(c - '0');
    const std::string type = lower_ascii(h.get("warc-type"));
    if (type == "response" || type == "resource") return read_page(h, type, length);
    ++skipped_[type.empty() ? "untyped" : type];
    return skip(length);
  }

  bool read_page(const Header& h, const std::string& type, uint64_t length) {
    const size_t peek = static_cast<size_t>(std::min<uint64_t>(length, kPeekBytes));
    if (!fill(peek)) return end_or_error(cut_short(length));
    std::string_view head(buf_.data() + pos_, peek);
    HttpMessage http;
    std::string content_type(h.get("content-type"));
    if (type == "response") {
      const bool is_http = lower_ascii(content_type).find("application/http") != std::string::npos;
      if (!is_http || !parse_http(head, &http)) {
        ++skipped_["response without an HTTP message"];
        return skip(length);
      }
      if (http.status < 200 || http.status > 299) {
        ++skipped_["HTTP status not 2xx"];
        return skip(length);
      }
      content_type = http.header.get("content-type");
    }
    const bool html = content_type.empty()
                          ? detect_format("", head.substr(http.body_at)) == InputFormat::kHtml
                          : is_html_type(content_type);
    if (!html) {
      ++skipped_["not HTML"];
      return skip(length);
    }
    if (length > options_.max_input_bytes + kMaxHeaderBytes) {
      report_record(std::to_string(length) + " bytes, over the limit of " +
                    std::to_string(options_.max_input_bytes) + " bytes; skipped");
      return skip(length);
    }
    if (!fill(static_cast<size_t>(length))) return end_or_error(cut_short(length));
    std::string_view block(buf_.data() + pos_, static_cast<size_t>(length));
    pos_ += static_cast<size_t>(length);
    std::string_view body = block.substr(std::min(http.body_at, block.size()));
    std::string decoded;
    if (lower_ascii(http.header.get("transfer-encoding")).find("chunked") != std::string::npos) {
      if (!dechunk(body, &decoded)) {
        report_record("malformed chunked transfer coding; skipped");
        return true;
      }
      body = decoded;
    }
    std::string inflated;
    const std::string coding = lower_ascii(trim_ascii(http.header.get("content-encoding")));
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      if (!inflate_body(body, options_.max_input_bytes, &inflated)) {
        report_record("Content-Encoding " + coding + " but the body is not; skipped");
        return true;
      }
      body = inflated;
    } else if (!coding.empty() && coding != "identity") {
      report_record("Content-Encoding " + coding + " is not supported; skipped");
      return true;
    }
    // The same page fetched twice (or revisited) is read once.
    std::string digest(h.get("warc-payload-digest"));
    if (digest.empty()) digest = model::content_hash(body);
    if (!seen_.insert(digest).second) {
      ++skipped_["duplicate payload"];
      return true;
    }
    const std::string doc_path = path_ + ":" + std::to_string(records_);
    const std::string url(trim_ascii(h.get("warc-target-uri")));
    Result<Document> doc = read_html(body, doc_path, content_type_charset(content_type), url);
    if (!doc.ok()) {
      on_error_(doc.status());
      return true;
    }
    DocumentMeta& m = doc.value().meta;
    if (!url.empty()) set_meta(m, "url", url, "warc");
    DateTime crawled;
    if (parse_date_time(h.get("warc-date"), &crawled))
      set_meta(m, "crawled", crawled.iso(), "warc");
    if (std::string id = record_id(h.get("warc-record-id")); !id.empty()) m.id = id;
    finish_document(doc.value(), options_);
    ++pages_;
    on_article_(std::move(doc).value());
    return true;
  }

  // Consumes `n` bytes of the stream without keeping them.
  bool skip(uint64_t n) {
    const uint64_t total = n;
    while (n > 0) {
      if (buf_.size() == pos_) {
        base_ += pos_;
        buf_.clear();
        pos_ = 0;
        if (!fill(1)) return end_or_error(cut_short(total, total - n));
      }
      const size_t take = static_cast<size_t>(std::min<uint64_t>(n, buf_.size() - pos_));
      pos_ += take;
      n -= take;
    }
    return true;
  }

  // Makes `n` bytes available at pos_; false when the stream ends (or breaks) first.
  bool fill(size_t n) {
    if (pos_ > kChunk && pos_ * 2 > buf_.size()) {
      buf_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
    while (buf_.size() - pos_ < n) {
      const size_t before = buf_.size();
      if (!src_.read(buf_, std::max(kChunk, n - (buf_.size() - pos_)))) return false;
      if (buf_.size() == before && src_.at_end()) return false;
    }
    return true;
  }

  // The next line without its line break; false when the stream ends first.
  bool read_line(std::string_view* line) {
    size_t searched = 0;
    for (;;) {
      const size_t nl = buf_.find('\n', pos_ + searched);
      if (nl != std::string::npos) {
        std::string_view l(buf_.data() + pos_, nl - pos_);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        *line = l;
        pos_ = nl + 1;
        return true;
      }
      searched = buf_.size() - pos_;
      if (searched > kMaxHeaderBytes || !fill(searched + 1)) return false;
    }
  }

  std::string where() const {
    return path_ + ": record " + std::to_string(records_) + " (byte " + std::to_string(record_at_) +
           " of the uncompressed stream)";
  }

  std::string cut_short(uint64_t length, uint64_t got = 0) const {
    if (got == 0) got = std::min<uint64_t>(length, buf_.size() - pos_);
    return "cut short: " + std::to_string(got) + " of its " + std::to_string(length) + " bytes";
  }

  void report_record(const std::string& why) {
    ++failed_;
    on_error_(error(ErrorCode::kBadInput, where() + ": " + why));
  }

  bool report(const std::string& why) {
    report_record(why);
    return false;
  }

  // At the end of the stream: a clean end, or (with `why` or a broken stream) an error.
  bool end_or_error(const std::string& why) {
    if (!src_.error().empty()) {
      ++failed_;
      on_error_(error(ErrorCode::kBadInput,
                      where() + ": " + src_.error() + "; reading of the file stopped"));
    } else if (!why.empty()) {
      ++failed_;
      on_error_(
          error(ErrorCode::kBadInput, where() + ": " + why + "; reading of the file stopped"));
    }
    return false;
  }

  std::string summary() const {
    std::string s = path_ + ": " + std::to_string(records_) + " WARC records, " +
                    std::to_string(pages_) + " HTML pages read";
    if (!skipped_.empty()) {
      s += "; skipped";
      bool first = true;
      for (const auto& [why, n] : skipped_) {
        s += (first ? " " : ", ") + std::to_string(n) + " " + why;
        first = false;
      }
    }
    if (failed_ > 0) s += "; " + std::to_string(failed_) + " reported as errors";
    return s;
  }

  ByteSource& src_;
  const std::string& path_;
  const ReaderOptions& options_;
  const ArticleSink& on_article_;
  const ErrorSink& on_error_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;  // stream offset of buf_[0]
  uint64_t record_at_ = 0;
  size_t records_ = 0, pages_ = 0, failed_ = 0;
  std::map<std::string, size_t> skipped_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

bool is_warc_path(std::string_view path) {
  return ends_with_ci(path, ".warc") || ends_with_ci(path, ".warc.gz");
}

bool looks_like_warc(std::string_view head) {
  if (head.substr(0, 5) == "WARC/") return true;
  if (head.size() < 10 || head[0] != '\x1f' || head[1] != '\x8b') return false;
  ByteSource src(nullptr, head);
  std::string start;
  (void)src.read(start, 5);  // a cut-short member still yields its first bytes
  return start.substr(0, 5) == "WARC/";
}

void read_warc_file(const std::string& path, const ReaderOptions& options,
                    const ArticleSink& on_article, const ErrorSink& on_error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    const int err = errno;
    on_error(error(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                   path + ": cannot open: " + std::strerror(err)));
    return;
  }
  ByteSource src(f, {});
  WarcParser(src, path, options, on_article, on_error).run();
}

void read_warc_bytes(std::string_view bytes, const std::string& path, const ReaderOptions& options,
                     const ArticleSink& on_article, const ErrorSink& on_error) {
  ByteSource src(nullptr, bytes);
  WarcParser(src, path, options, on_article, on_error).run();
}

}  // namespace dateline::ingest
