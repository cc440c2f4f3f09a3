// SPDX-License-Identifier: Apache-2.0
// dateline eval segment GOLD.conllu... [--json] [--rules] [--models DIR] [--show-errors N]
// Segments the raw text of each UD gold file and scores tokens, words and sentences the way
// the CoNLL 2018 shared task does (dateline/evaluation.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "dateline/evaluation.h"
#include "dateline/pipeline.h"

namespace dateline::cli {

int run_eval_segment(int argc, char** argv) {
  CLI::App app{"Score tokenization and sentence splitting against UD gold CoNLL-U files"};
  app.name("dateline eval segment");
  std::vector<std::string> files;
  bool json = false;
  SegmenterEvalOptions options;
  app.add_option("gold", files, "gold CoNLL-U files (each scored on its own raw text)")
      ->required();
  app.add_flag("--json", json, "print one JSON object per file");
  app.add_flag("--rules", options.rules, "rules only: ignore the sentence boundary model");
  app.add_option("--models", options.models_dir, "folder of model files (default: models/)");
  app.add_option("--show-errors", options.show_errors,
                 "print up to N token and sentence errors");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (options.models_dir.empty()) options.models_dir = default_models_dir();
  auto evaluator = SegmenterEvaluator::load(options);
  if (!evaluator.ok()) return fail_setup(evaluator.status());
  for (const std::string& w : evaluator->warnings()) {
    std::fprintf(stderr, "dateline: warning: %s\n", w.c_str());
  }
  const char* splitter = evaluator->splitter().c_str();
  for (const std::string& file : files) {
    Result<SegmenterFileScores> result = evaluator->evaluate(file);
    if (!result.ok()) return fail(result.status());
    const SegmenterFileScores& scores = *result;
    const SpanCounts* metrics[] = {&scores.tokens, &scores.words, &scores.sentences};
    const char* names[] = {"Tokens", "Words", "Sentences"};
    if (json) {
      std::printf("{\"file\": \"%s\", \"splitter\": \"%s\"", scores.file.c_str(), splitter);
      for (int m = 0; m < 3; ++m) {
        std::printf(", \"%s\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, "
                    "\"gold\": %zu, \"system\": %zu, \"correct\": %zu}",
                    names[m], 100 * metrics[m]->precision(), 100 * metrics[m]->recall(),
                    100 * metrics[m]->f1(), metrics[m]->gold, metrics[m]->system,
                    metrics[m]->correct);
      }
      std::printf("}\n");
    } else {
      std::printf("%s (sentence splitter: %s)\n", scores.file.c_str(), splitter);
      std::printf("%-10s %9s %9s %9s\n", "Metric", "Precision", "Recall", "F1");
      for (int m = 0; m < 3; ++m) {
        std::printf("%-10s %9.2f %9.2f %9.2f\n", names[m], 100 * metrics[m]->precision(),
                    100 * metrics[m]->recall(), 100 * metrics[m]->f1());
      }
    }
    for (const std::string& line : scores.errors) std::printf("%s\n", line.c_str());
  }
  return kExitOk;
}

}  // namespace dateline::cli
