// SPDX-License-Identifier: Apache-2.0
// dateline train attribution --train TRAIN.jsonl [--dev DEV.jsonl] --out MODEL
//   or, for the content-boundary reranker: ... --content-reranker-out RERANKER.model
// Trains the attribution tagger on PolNeAR-style JSON Lines (dateline/training.h).
#include <cstdio>
#include <string>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "dateline/training.h"

namespace dateline::cli {

int run_train_attribution(int argc, char** argv) {
  CLI::App app{"Train the attribution tagger (source, cue, content) on PolNeAR JSON Lines"};
  app.name("dateline train attribution");
  AttributionTrainOptions o;
  bool no_syntax = false;
  app.add_option("--train", o.train, "training articles (PolNeAR JSON Lines)")->required();
  app.add_option("--dev", o.dev, "development articles, scored after every epoch");
  app.add_option("--out", o.out, "model file to write");
  app.add_option("--content-reranker-out", o.reranker_out,
                 "train the content-boundary reranker instead of the tagger and write it here "
                 "(train examples from taggers trained on the other folds)");
  app.add_option("--tagger", o.tagger,
                 "tagger whose output the reranker is scored on for dev (default: "
                 "MODELS/attribution.model)");
  app.add_option("--folds", o.folds, "reranker: jackknife folds over train")
      ->capture_default_str();
  app.add_option("--rounds", o.rounds, "reranker: jackknife rounds (each a new split)")
      ->capture_default_str();
  app.add_option("--reranker-epochs", o.reranker_epochs, "reranker: perceptron epochs")
      ->capture_default_str();
  app.add_option("--reranker-seeds", o.reranker_seeds,
                 "reranker: average the weights of this many shuffling seeds")
      ->capture_default_str();
  app.add_option("--models", o.models_dir, "folder of the syntax models used for features")
      ->capture_default_str();
  app.add_flag("--no-syntax", no_syntax, "train without parse features");
  app.add_option("--epochs", o.epochs, "training epochs")->capture_default_str();
  app.add_option("--bits", o.bits, "log2 of the feature hash table size")->capture_default_str();
  app.add_option("--seed", o.seed, "shuffling seed")->capture_default_str();
  app.add_flag("--content-end-tag", o.content_end_tag,
               "add the content-end tag and clause-boundary features (experimental)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (o.out.empty() && o.reranker_out.empty()) {
    return fail(error(ErrorCode::kInvalidArgument, "--out is required"));
  }
  if (o.models_dir.empty()) o.models_dir = default_models_dir();
  o.lexicons_dir = default_lexicons_dir();
  o.syntax = !no_syntax;
  o.command = command_line("train attribution", argc, argv);
  o.log = [](const std::string& s) {
    std::fprintf(stderr, "%s\n", s.c_str());
    std::fflush(stderr);
  };
  Status s = train_attribution(o);
  return s.ok() ? kExitOk : fail(s);
}

}  // namespace dateline::cli
