// SPDX-License-Identifier: Apache-2.0
// Stdin as a stream of JSON Lines, so that `dateline extract -` works as a filter between
// processes (Spark's RDD.pipe, Hadoop Streaming, GNU parallel): each line is handed on as
// soon as it has arrived, and memory holds one line whatever the length of the stream.
//
// Bytes are read with read(2) into our own buffer (not stdio's), so that we know when no
// complete line is held and the next read would block: that is when options.on_wait runs,
// letting the caller hand out the results of the lines already read before the producer at
// the other end of the pipe sends more (it may be waiting for them).
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ingest/reader.h"

namespace dateline::ingest {
namespace {

constexpr size_t kChunk = size_t{1} << 16;

class StdinBuffer {
 public:
  explicit StdinBuffer(const ReaderOptions& options) : options_(options) {}

  /// Appends the next bytes of stdin to bytes(); false at the end or on an error (then
  /// status() says which).
  bool fill() {
    if (options_.on_wait && !ready()) options_.on_wait();
    char chunk[kChunk];
    for (;;) {
      const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
      if (n > 0) {
        bytes_.append(chunk, static_cast<size_t>(n));
        return true;
      }
      if (n == 0) return false;
      if (errno == EINTR) continue;
      status_ = error(ErrorCode::kIo, options_.stdin_name + ": read error at byte " +
                                          std::to_string(base_ + bytes_.size()) + ": " +
                                          std::strerror(errno));
      return false;
    }
  }

  /// Drops the first `n` bytes held; offsets stay those of the input.
  void drop(size_t n) {
    bytes_.erase(0, n);
    base_ += n;
  }

  std::string& bytes() { return bytes_; }
  size_t base() const { return base_; }  ///< input offset of bytes()[0]
  const Status& status() const { return status_; }

 private:
  // True when a read would not block: bytes are waiting, or the writer closed the pipe.
  static bool ready() {
    pollfd p{STDIN_FILENO, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
  }

  const ReaderOptions& options_;
  std::string bytes_;
  size_t base_ = 0;
  Status status_;
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

void read_stdin(const ReaderOptions& options, const ArticleSink& on_article,
                const PositionedErrorSink& on_error) {
  const std::string& name = options.stdin_name;
  StdinBuffer in(options);
  std::string& buf = in.bytes();
  // Enough to tell the format: the first byte that is not white space, and the line it is on.
  size_t first = 0;
  bool more = true;
  for (;;) {
    const size_t bom = buf.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    first = bom;
    while (first < buf.size() && is_blank(buf[first])) ++first;
    if (first < buf.size() && buf.find('\n', first) != std::string::npos) break;
    if (buf.size() > kChunk || !(more = in.fill())) break;
  }
  const size_t line_end = buf.find('\n', first);
  std::string_view first_line = std::string_view(buf).substr(first, line_end - first);
  while (!first_line.empty() && is_blank(first_line.back())) first_line.remove_suffix(1);
  const bool json_lines = first < buf.size() && buf[first] == '{' && first_line != "{";
  if (!json_lines) {
    // Not a stream of lines: read it whole, as a file is read.
    // Held to the limit of its format, as a file is (read_buffer() reports it when over).
    const InputFormat format = detect_format(name, buf);
    const size_t limit = format == InputFormat::kJsonLines || format == InputFormat::kWarc
                             ? std::max(options.max_json_lines_bytes, options.max_input_bytes)
                             : options.max_input_bytes;
    while (more && buf.size() <= limit) more = in.fill();
    if (!in.status().ok()) {
      on_error(in.status(), InputPosition{name, 0, 0});
      return;
    }
    read_buffer(buf, name, options, on_article, on_error);
    return;
  }

  size_t line_no = 0;
  size_t pos = buf.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // into buf
  size_t scanned = pos;                                         // no '\n' in buf[pos, scanned)
  size_t skipping_from = 0;  // while a line over the limit is dropped: where it started
  bool skipping = false;
  for (;;) {
    const size_t nl = buf.find('\n', scanned);
    if (nl == std::string::npos && more) {
      if (!skipping && buf.size() - pos > options.max_input_bytes) {
        skipping = true;  // drop the line as it comes; report it once its length is known
        skipping_from = in.base() + pos;
      }
      if (skipping) {
        in.drop(buf.size());
        pos = 0;
      } else {
        in.drop(pos);
        pos = 0;
      }
      scanned = buf.size();
      more = in.fill();
      continue;
    }
    const size_t end = nl == std::string::npos ? buf.size() : nl;
    if (end > pos || nl != std::string::npos || skipping) {
      ++line_no;
      if (skipping) {
        const size_t length = in.base() + end - skipping_from;
        on_error(error(ErrorCode::kBadInput,
                       name + ":" + std::to_string(line_no) + ": " + std::to_string(length) +
                           " bytes, over the limit of " + std::to_string(options.max_input_bytes) +
                           " bytes for one article; line skipped"),
                 InputPosition{name, line_no, skipping_from});
        skipping = false;
      } else {
        read_json_line(std::string_view(buf).substr(pos, end - pos), line_no, in.base() + pos, name,
                       options, on_article, on_error);
      }
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
    scanned = pos;
  }
  if (!in.status().ok()) {
    on_error(in.status(), InputPosition{name, line_no, in.base() + buf.size()});
  }
}

}  // namespace dateline::ingest
