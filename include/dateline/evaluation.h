// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// Scoring the segmenter and the syntax models against Universal Dependencies gold files,
/// the way the CoNLL 2018 shared task script (conll18_ud_eval.py) does, callable from any
/// program: the CLI's `eval segment` and `eval ud` parse their flags into these options,
/// call these functions and print what they return.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "dateline/status.h"

namespace dateline {

/// Counts for one metric: spans of the gold file, of the system, and those that match.
struct SpanCounts {
  size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? double(correct) / double(system) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const { return gold + system ? 2.0 * double(correct) / double(gold + system) : 0.0; }
};

struct SegmenterEvalOptions {
  std::string models_dir;  ///< folder holding segmenter.dlsb (required unless `rules`)
  bool rules = false;      ///< rules only: ignore the sentence boundary model
  size_t show_errors = 0;  ///< list up to this many token and sentence errors per file
};

/// The segmenter's scores on one gold file, its raw text segmented from scratch.
struct SegmenterFileScores {
  std::string file;
  SpanCounts tokens, words, sentences;
  /// Up to show_errors lines of each kind: "TOKEN gold=[..] system=[..] in: ..." and
  /// "SENT-MISSED   ..." / "SENT-SPURIOUS ..." with the text around the boundary.
  std::vector<std::string> errors;
};

/// The segmenter of a models folder, scoring gold files one at a time. Immutable once
/// loaded: evaluate() is const and thread-safe.
class SegmenterEvaluator {
 public:
  /// Errors: a damaged segmenter model, a models folder that does not exist.
  static Result<SegmenterEvaluator> load(const SegmenterEvalOptions& options);
  SegmenterEvaluator(SegmenterEvaluator&&) noexcept;
  SegmenterEvaluator& operator=(SegmenterEvaluator&&) noexcept;
  ~SegmenterEvaluator();

  /// Fingerprint of the sentence splitter scored.
  const std::string& splitter() const;
  /// Optional models missing from models_dir ("<dir>/<file>: optional model missing: ...").
  const std::vector<std::string>& warnings() const;

  /// Segments the raw text of one gold CoNLL-U file and scores tokens, words and sentences.
  /// Errors: a file that cannot be read or rebuilt, naming it.
  Result<SegmenterFileScores> evaluate(const std::string& gold_file) const;

 private:
  struct Impl;
  explicit SegmenterEvaluator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct UdEvalOptions {
  /// Give the gold words and sentences to the tagger and parser (default: segment the raw
  /// text with dateline's own segmenter first).
  bool gold_tokens = false;
  /// Write the system's analysis as CoNLL-U to this file ("" = none), for error analysis.
  std::string write;
};

/// Tagging, lemmas and parsing scores, formatted as conll18_ud_eval.py prints them with -v.
struct UdEvaluation {
  std::string scores;  ///< one metric a line: Precision, Recall, F1 Score, AligndAcc
  std::string counts;  ///< one metric a line: name, correct, gold, system, F1 (4 decimals)
};

/// The tagger and parser of a models folder, scoring gold treebanks one at a time.
/// Immutable once loaded: evaluate() is const and thread-safe.
class UdEvaluator {
 public:
  /// Errors: a models folder without the syntax models, a damaged model.
  static Result<UdEvaluator> load(const std::string& models_dir);
  UdEvaluator(UdEvaluator&&) noexcept;
  UdEvaluator& operator=(UdEvaluator&&) noexcept;
  ~UdEvaluator();

  /// Errors: a file that cannot be read, a value outside the UD vocabularies (file:line), an
  /// analysis that cannot be written.
  Result<UdEvaluation> evaluate(const std::string& gold_file, const UdEvalOptions& options) const;

 private:
  struct Impl;
  explicit UdEvaluator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline
