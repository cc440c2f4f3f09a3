// SPDX-License-Identifier: Apache-2.0
// dateline eval ud FILE.conllu [--gold-tokens] [--models DIR] [--counts] [--write OUT.conllu]
#include <cstdio>
#include <string>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/evaluation.h"
#include "dateline/pipeline.h"

namespace dateline::cli {

int run_eval_ud(int argc, char** argv) {
  CLI::App app{"Score tagging, lemmas and parsing on a UD treebank as conll18_ud_eval.py does"};
  app.name("dateline eval ud");
  std::string file, models;
  bool counts = false;
  UdEvalOptions options;
  app.add_option("file", file, "gold CoNLL-U file")->required();
  app.add_flag("--gold-tokens", options.gold_tokens,
               "give the gold words and sentences to the tagger and parser (default: segment "
               "the raw text with dateline's own segmenter first)");
  app.add_option("--models", models, "model folder (default: the built-in models/)");
  app.add_flag("--counts", counts,
               "also print the counts behind each score (correct / gold / system), for "
               "figures that two decimals would round across a threshold");
  app.add_option("--write", options.write,
                 "write the system's analysis as CoNLL-U to this file (for error analysis)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  auto evaluator = UdEvaluator::load(models.empty() ? default_models_dir() : models);
  if (!evaluator.ok()) return fail_setup(evaluator.status());
  Result<UdEvaluation> evaluation = evaluator->evaluate(file, options);
  if (!evaluation.ok()) return fail(evaluation.status());
  std::printf("%s (%s)\n%s", file.c_str(), options.gold_tokens ? "gold tokens" : "raw text",
              evaluation->scores.c_str());
  if (counts) std::printf("%s", evaluation->counts.c_str());
  return kExitOk;
}

}  // namespace dateline::cli
