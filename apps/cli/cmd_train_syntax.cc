// SPDX-License-Identifier: Apache-2.0
// dateline train tagger|parser --train FILE.conllu... --dev FILE.conllu... --out MODEL
// dateline prune tagger|parser, dateline combine tagger|parser (dateline/training.h).
#include <cstdio>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/training.h"

namespace dateline::cli {
namespace {

void log_line(const std::string& s) {
  std::fprintf(stderr, "%s\n", s.c_str());
  std::fflush(stderr);
}

}  // namespace

int run_train_tagger(int argc, char** argv) {
  CLI::App app{"Train the part-of-speech tagger, FEATS classifier and lemmatizer"};
  app.name("dateline train tagger");
  TaggerTrainOptions o;
  app.add_option("--train", o.train_files, "training treebanks (CoNLL-U)")->required();
  app.add_option("--dev", o.dev_files, "development treebanks (CoNLL-U), pick the best epoch")
      ->required();
  app.add_option("--epochs", o.epochs, "training epochs")->capture_default_str();
  app.add_option("--seed", o.seed, "shuffling seed")->capture_default_str();
  app.add_option("--clusters", o.clusters,
                 "word clusters (en_clusters.dlc) for cluster features; copy the file beside "
                 "the model");
  app.add_flag("--verb-context", o.verb_context,
               "add templates that know whether the sentence has had a verb yet (past forms "
               "after long subjects)");
  app.add_option("--out", o.out, "model file to write")->required();
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  o.command = command_line("train tagger", argc, argv);
  o.log = log_line;
  Status s = train_tagger(o);
  return s.ok() ? kExitOk : fail(s);
}

int run_train_parser(int argc, char** argv) {
  CLI::App app{"Train the dependency parser (arc-eager, dynamic oracle, averaged perceptron)"};
  app.name("dateline train parser");
  ParserTrainOptions o;
  app.add_option("--train", o.train_files, "training treebanks (CoNLL-U)")->required();
  app.add_option("--dev", o.dev_files, "development treebanks (CoNLL-U), pick the best epoch")
      ->required();
  app.add_option("--tagger", o.tagger, "tagger model whose predicted tags the parser learns on")
      ->required();
  app.add_option("--jackknife", o.jackknife,
                 "train this many taggers on complementary folds to tag the training data "
                 "(0: tag it with --tagger, which has seen it)")
      ->capture_default_str();
  app.add_option("--tagger-epochs", o.tagger_epochs, "epochs of each jackknife tagger")
      ->capture_default_str();
  app.add_option("--epochs", o.epochs, "training epochs")->capture_default_str();
  app.add_option("--prune", o.prune, "drop averaged weights smaller than this")
      ->capture_default_str();
  app.add_option("--seed", o.seed, "shuffling and exploration seed")->capture_default_str();
  app.add_option("--clusters", o.clusters,
                 "word clusters (en_clusters.dlc) for cluster features; copy the file beside "
                 "the model");
  app.add_option("--out", o.out, "model file to write")->required();
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  o.command = command_line("train parser", argc, argv);
  o.log = log_line;
  Status s = train_parser(o);
  return s.ok() ? kExitOk : fail(s);
}

namespace {

// `dateline prune tagger|parser`.
int prune_model(const char* what, SyntaxModel which, int argc, char** argv) {
  const std::string name = std::string("prune ") + what;
  CLI::App app{std::string("Drop small weights from a ") + what +
               " model (smaller table and file)"};
  app.name("dateline " + name);
  std::string in, out;
  float min_abs = 2.0f;
  app.add_option("--model", in, std::string(what) + " model to read")->required();
  app.add_option("--min", min_abs, "drop averaged weights smaller than this")
      ->capture_default_str();
  app.add_option("--out", out, "model file to write (put en_clusters.dlc beside it if needed)")
      ->required();
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<PruneCounts> counts =
      prune_syntax_model(which, in, min_abs, out, command_line(name.c_str(), argc, argv));
  if (!counts.ok()) return fail(counts.status());
  std::fprintf(stderr, "prune: %zu -> %zu weights, %zu features; wrote %s\n",
               counts->weights_before, counts->weights_after, counts->features, out.c_str());
  return kExitOk;
}

// `dateline combine tagger|parser`.
int combine_models(const char* what, SyntaxModel which, int argc, char** argv) {
  const std::string name = std::string("combine ") + what;
  CLI::App app{std::string("Combine ") + what +
               "s trained with different seeds into one score ensemble"};
  app.name("dateline " + name);
  std::vector<std::string> inputs;
  std::string out;
  app.add_option("--models", inputs,
                 std::string(what) + " models (same data and options, other seeds)")
      ->required()
      ->expected(2, 16);
  app.add_option("--out", out, "model file to write (put en_clusters.dlc beside it if needed)")
      ->required();
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Status s = combine_syntax_models(which, inputs, out, command_line(name.c_str(), argc, argv));
  if (!s.ok()) return fail(s);
  std::fprintf(stderr, "combine: %zu %ss; wrote %s\n", inputs.size(), what, out.c_str());
  return kExitOk;
}

}  // namespace

int run_prune_parser(int argc, char** argv) {
  return prune_model("parser", SyntaxModel::kParser, argc, argv);
}

int run_prune_tagger(int argc, char** argv) {
  return prune_model("tagger", SyntaxModel::kTagger, argc, argv);
}

int run_combine_parser(int argc, char** argv) {
  return combine_models("parser", SyntaxModel::kParser, argc, argv);
}

int run_combine_tagger(int argc, char** argv) {
  return combine_models("tagger", SyntaxModel::kTagger, argc, argv);
}

}  // namespace dateline::cli
