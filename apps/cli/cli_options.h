// SPDX-License-Identifier: Apache-2.0
#pragma once
// Flags shared by the commands that run the pipeline (extract, ingest, serve).

#include <vector>
#include <string>

#include <CLI/CLI.hpp>

#include "dateline/json.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace dateline::cli {

struct AnalysisFlags {
  PipelineOptions pipeline;
  ReaderOptions reader;
  std::vector<std::string> with;  ///< "tokens", "sentences", "syntax"
  int threads = 0;                ///< articles analysed at once; 0: one per core
  bool quiet = false;             ///< no progress line (the summary is printed anyway)

  /// `threads`, with 0 resolved to the machine's cores.
  int worker_threads() const;

  void add_to(CLI::App& app);
  JsonOptions json_options(bool pretty) const;
};

/// Prints the pipeline's warnings (missing optional models) on stderr, one a line.
void print_warnings(const Pipeline& pipeline);

/// For the commands that load single stages: a warning on stderr for each of `files` (names
/// of the model manifest) missing from `dir`.
void warn_missing_models(const std::string& dir, const std::vector<std::string>& files);

}  // namespace dateline::cli
