// SPDX-License-Identifier: Apache-2.0
#pragma once
// The progress of a long `extract` or `ingest`: a line on stderr, redrawn in place at most
// four times a second, while the run goes (only when stderr is a terminal and --quiet is not
// given), and a summary line at the end in every case.
//
//   dateline: extract: 312 articles, 41,200 words/s, 2 errors, 37%, ETA 0:21
//   dateline: extract: 840 articles, 625,113 words in 12.5 s (67.2 articles/s, 50,009
//   words/s), 0 errors, 2 threads
//
// The ETA needs the inputs' size: the files' bytes (walked once at the start, folders
// recursively, only when the line is drawn); a run that reads stdin shows none. Progress within a JSON Lines file is its
// share of the file's lines (counted at the start: a scan thousands of times faster than the
// analysis), within another file the bytes of the article texts read from it so far (a WARC
// file), and a file is whole once an article of the next file comes.
// Thread safety: none; the CLI calls it from the thread that reads and writes.

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace dateline::cli {

class Progress {
 public:
  /// `verb`: "extract" or "ingest". `live`: draw the progress line (the caller has checked
  /// --quiet; the line is drawn only when stderr is also a terminal).
  Progress(std::string verb, const std::vector<std::string>& inputs, bool live, int threads);

  /// One article done: its words (tokens; 0 when it was skipped unanalysed), the bytes of its
  /// text, and the path it was read from (DocumentMeta::path).
  void article(size_t words, size_t text_bytes, const std::string& path);
  /// One input or article that failed.
  void error();
  /// Prints `message` on stderr as its own line, clearing the progress line first.
  void message(const std::string& message);
  /// Clears the progress line and prints the summary on stderr.
  void finish();

  /// The progress line as it would be drawn now (without the carriage return); for tests.
  std::string line() const;

  /// "1,234,567".
  static std::string thousands(uint64_t n);

 private:
  double seconds() const;
  void draw();
  void clear();

  std::string verb_;
  bool live_;
  int threads_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  uint64_t articles_ = 0, words_ = 0, errors_ = 0;
  uint64_t total_bytes_ = 0;  ///< the inputs' size; 0 when unknown (stdin)
  struct InputFile {
    uint64_t bytes = 0;
    uint64_t lines = 0;  ///< JSON Lines files only; 0 otherwise
  };
  std::unordered_map<std::string, InputFile> files_;
  std::string current_file_;
  uint64_t done_bytes_ = 0;     ///< files finished
  uint64_t current_bytes_ = 0;  ///< of the current file, read so far (estimated)
  bool drawn_ = false;
};

}  // namespace dateline::cli
