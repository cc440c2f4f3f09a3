// SPDX-License-Identifier: Apache-2.0
// dateline train events --codebook FILE [--records FILE] [--synthetic FILE]
//   [--judged FILE --judged-texts FILE] [--petrarch-verbs FILE] --out MODEL
// Trains the event trigger model: flags into events::TriggerTrainingConfig, the work in
// src/events/model_training.h. With --folds, cross-validation over the gold sources chooses
// the epochs and the decode settings; --ensemble N sums N runs with consecutive seeds;
// --list-candidates prints the candidates of some articles with the current model's decision.
#include <cstdio>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "events/model_training.h"

namespace dateline::cli {
namespace {

void log_line(const std::string& s) {
  std::fprintf(stderr, "%s\n", s.c_str());
  std::fflush(stderr);
}

}  // namespace

int run_train_events(int argc, char** argv) {
  CLI::App app{
      "Train the event trigger model (is a word an event, its PLOVER type and CAMEO code)"};
  app.name("dateline train events");
  events::TriggerTrainingConfig c;
  events::TrainerOptions& o = c.trainer;
  std::vector<float> weights;
  app.add_option("--codebook", c.codebook,
                 "codebook sentences with marked triggers (data/events/codebook.txt)")
      ->required();
  app.add_option("--records", c.records, "PETRARCH-2 unit-test records (JSON Lines)");
  app.add_option("--synthetic", c.synthetic, "NGEC synthetic stories (CSV), silver");
  app.add_option("--judged", c.judged, "judged triggers (data/judged/*.tsv)");
  app.add_option("--judged-texts", c.judged_texts, "the articles of --judged (JSON Lines)");
  app.add_option("--petrarch-verbs", c.petrarch_verbs,
                 "PETRARCH CAMEO verb dictionary (read, never copied)");
  app.add_option("--out", c.out, "model file to write (omit to cross-validate only)");
  app.add_option("--epochs", o.epochs, "training epochs (with --folds: the most tried)")
      ->capture_default_str();
  app.add_option("--seed", o.seed, "shuffling seed")->capture_default_str();
  app.add_option("--ensemble", o.ensemble,
                 "runs with seeds seed, seed+1, ... summed into the model")
      ->capture_default_str();
  app.add_option("--none-bias", o.none_bias,
                 "added to 'no event' at decode time (with --folds: chosen)")
      ->capture_default_str();
  app.add_option("--dictionary-prior", o.dictionary_prior,
                 "added to the dictionaries' type at decode time (with --folds: chosen)")
      ->capture_default_str();
  app.add_flag("--dictionary-type", o.dictionary_type,
               "keep the dictionaries' type where they read one (with --folds: chosen)");
  app.add_option(
         "--weights", weights,
         "chance an example is used per epoch, by source: codebook records judged synthetic "
         "dictionary (default 1 1 1 0.3 0.2)")
      ->expected(5);
  app.add_option("--folds", c.folds, "cross-validate over this many folds and pick epochs and bias");
  app.add_option("--models", c.models_dir, "folder of the syntax, entity and quote models")
      ->capture_default_str();
  app.add_option("--lexicons", c.lexicons_dir, "folder of the lexicons")->capture_default_str();
  std::string list_texts;
  app.add_option("--list-candidates", list_texts,
                 "print the candidate triggers of these articles (JSON Lines) as TSV, with the "
                 "current model's decision, and stop (to draw triggers for judging)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (c.models_dir.empty()) c.models_dir = default_models_dir();
  if (c.lexicons_dir.empty()) c.lexicons_dir = default_lexicons_dir();
  for (size_t i = 0; i < weights.size(); ++i) o.weight[i] = weights[i];
  c.command = "dateline train events";
  for (int i = 1; i < argc; ++i) c.command += std::string(" ") + argv[i];

  if (!list_texts.empty()) {
    const Status s = events::list_candidates(
        list_texts, c.models_dir, c.lexicons_dir,
        [](const std::string& line) { std::printf("%s\n", line.c_str()); });
    return s.ok() ? kExitOk : fail(s);
  }
  const Status s = events::train_event_model(c, log_line);
  return s.ok() ? kExitOk : fail(s);
}

}  // namespace dateline::cli
