// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The analysis pipeline: from a read article to a fully annotated Document.

#include <memory>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

/// One value configures the whole pipeline; the CLI, the server and the tests all build it.
struct PipelineOptions {
  /// Folder of trained model files; "" means the built-in default (see default_models_dir()).
  std::string models_dir;
  /// Folder of lexicons (data/lexicons); "" means the built-in default.
  std::string lexicons_dir;
  /// Optional folder of PETRARCH/Phoenix-format dictionaries loaded on top of our own.
  std::string dictionaries_dir;
  /// Date that relative time expressions are resolved against when the article gives none.
  std::string anchor_date;
  /// Run only the stages up to segmentation (for benchmarks and `eval segment`).
  bool segment_only = false;
};

std::string default_models_dir();
std::string default_lexicons_dir();

/// The stages, built once from models and lexicons and then immutable: process() is const
/// and one Pipeline may serve many threads. Movable, not copyable.
class Pipeline {
 public:
  static Result<Pipeline> create(const PipelineOptions& options);
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  /// Runs every stage on a Document produced by read_articles().
  /// Requires: doc.text is valid UTF-8. Ensures: doc.meta is completed from the text where
  /// not given, and paragraphs, sentences, tokens, entities, times, quotes, events are filled.
  /// A stage that fails on this article adds a Diagnostic; the others still run.
  Status process(Document& doc) const;

  /// Hex fingerprint of every model and lexicon loaded, stored with each record.
  const std::string& fingerprint() const;

  /// One line per optional model missing from the models folder, naming the file and what
  /// the pipeline does without it. process() adds each as a "model_missing" Diagnostic to
  /// every document; the CLI and the server print them on stderr when they start.
  const std::vector<std::string>& warnings() const;

 private:
  struct Stages;
  explicit Pipeline(std::unique_ptr<Stages> stages);
  std::unique_ptr<Stages> stages_;
};

}  // namespace dateline
