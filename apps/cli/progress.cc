// SPDX-License-Identifier: Apache-2.0
#include "progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <utility>

namespace dateline::cli {

namespace fs = std::filesystem;

namespace {

constexpr auto kRedraw = std::chrono::milliseconds(250);

// The file an article came from and the number after it: "f.jsonl:12" is line 12 of
// f.jsonl, "c.warc.gz:3" record 3 of c.warc.gz; a plain path has number 0.
template <class Files>
std::pair<std::string, uint64_t> file_of(const std::string& path, const Files& files) {
  if (files.count(path)) return {path, 0};
  const size_t colon = path.rfind(':');
  if (colon != std::string::npos && colon + 1 < path.size() && colon + 20 > path.size() &&
      std::all_of(path.begin() + colon + 1, path.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    return {path.substr(0, colon), std::stoull(path.substr(colon + 1))};
  }
  return {path, 0};
}

bool is_json_lines(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

uint64_t count_lines(const fs::path& p) {
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (!f) return 0;
  uint64_t lines = 0;
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) {
    lines += static_cast<uint64_t>(std::count(buf, buf + n, '\n'));
  }
  std::fclose(f);
  return lines;
}

std::string clock_time(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

Progress::Progress(std::string verb, const std::vector<std::string>& inputs, bool live, int threads)
    : verb_(std::move(verb)),
      live_(live && isatty(STDERR_FILENO)),
      threads_(threads),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  if (!live_) return;  // the inputs' size serves only the ETA on the progress line
  bool known = true;
  std::error_code ec;
  auto add = [&](const fs::path& p) {
    const uintmax_t size = fs::file_size(p, ec);
    if (ec) return;
    files_[p.string()] = {size, is_json_lines(p) ? count_lines(p) : 0};
    total_bytes_ += size;
  };
  for (const std::string& input : inputs) {
    if (input == "-") {
      known = false;
    } else if (fs::is_directory(input, ec)) {
      for (fs::recursive_directory_iterator
               it(input, fs::directory_options::skip_permission_denied, ec),
           end;
           !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) add(it->path());
      }
    } else {
      add(input);
    }
  }
  if (!known) total_bytes_ = 0;
}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void Progress::article(size_t words, size_t text_bytes, const std::string& path) {
  ++articles_;
  words_ += words;
  const auto [file, number] = file_of(path, files_);
  if (file != current_file_) {
    if (auto it = files_.find(current_file_); it != files_.end()) done_bytes_ += it->second.bytes;
    current_file_ = file;
    current_bytes_ = 0;
  }
  auto it = files_.find(file);
  if (it == files_.end()) {
    draw();
    return;
  }
  const InputFile& f = it->second;
  current_bytes_ = f.lines > 0 && number > 0 ? f.bytes * std::min(number, f.lines) / f.lines
                                             : std::min(f.bytes, current_bytes_ + text_bytes);
  draw();
}

void Progress::error() {
  ++errors_;
  draw();
}

std::string Progress::line() const {
  const double s = seconds();
  std::string out = "dateline: " + verb_ + ": " + thousands(articles_) + " articles, " +
                    thousands(static_cast<uint64_t>(s > 0 ? words_ / s : 0)) + " words/s, " +
                    thousands(errors_) + (errors_ == 1 ? " error" : " errors");
  if (total_bytes_ > 0) {
    const double done = std::min(
        1.0, static_cast<double>(done_bytes_ + current_bytes_) / static_cast<double>(total_bytes_));
    out += ", " + std::to_string(static_cast<int>(done * 100)) + "%";
    if (done > 0.01 && s > 0.5) out += ", ETA " + clock_time(s / done - s);
  }
  return out;
}

void Progress::draw() {
  if (!live_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedraw) return;
  last_draw_ = now;
  std::fprintf(stderr, "\r\033[K%s", line().c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

void Progress::message(const std::string& message) {
  clear();
  std::fprintf(stderr, "%s\n", message.c_str());
}

void Progress::finish() {
  clear();
  const double s = seconds();
  char rates[96];
  std::snprintf(rates, sizeof rates, " in %.1f s (%.1f articles/s, ", s,
                s > 0 ? static_cast<double>(articles_) / s : 0.0);
  std::fprintf(stderr, "dateline: %s: %s articles, %s words%s%s words/s), %s %s, %d %s\n",
               verb_.c_str(), thousands(articles_).c_str(), thousands(words_).c_str(), rates,
               thousands(static_cast<uint64_t>(s > 0 ? words_ / s : 0)).c_str(),
               thousands(errors_).c_str(), errors_ == 1 ? "error" : "errors", threads_,
               threads_ == 1 ? "thread" : "threads");
}

}  // namespace dateline::cli
