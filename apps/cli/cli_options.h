// SPDX-License-Identifier: Apache-2.0
#pragma once
// Flags shared by the commands that run the pipeline (extract, ingest, serve).

#include <CLI/CLI.hpp>

#include "dateline/json.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace dateline::cli {

struct AnalysisFlags {
  PipelineOptions pipeline;
  ReaderOptions reader;
  std::vector<std::string> with;  ///< "tokens", "sentences", "syntax"

  void add_to(CLI::App& app);
  JsonOptions json_options(bool pretty) const;
};

}  // namespace dateline::cli
