// SPDX-License-Identifier: Apache-2.0
// dateline train tagger|parser --train FILE.conllu... --dev FILE.conllu... --out MODEL
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "CLI/CLI.hpp"
#include "syntax/parser.h"
#include "syntax/tagger.h"

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
  syntax::TaggerTrainOptions o;
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
  Status s = syntax::train_tagger(o);
  return s.ok() ? kExitOk : fail(s);
}

int run_train_parser(int argc, char** argv) {
  CLI::App app{"Train the dependency parser (arc-eager, dynamic oracle, averaged perceptron)"};
  app.name("dateline train parser");
  syntax::ParserTrainOptions o;
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
  Status s = syntax::train_parser(o);
  return s.ok() ? kExitOk : fail(s);
}

namespace {

// Reads a tagger or parser model file; `file` keeps its header for the model written back.
template <typename Model>
Result<Model> read_syntax_model(const std::string& path, model::ModelKind kind,
                                model::ModelFile* file) {
  DL_ASSIGN_OR_RETURN(*file, model::read_model_file(path, kind));
  return Model::from_model(*file, path);
}

template <typename Model>
Status write_syntax_model(const Model& m, model::ModelKind kind, const model::ModelHeader& header,
                          const std::string& out) {
  model::ByteWriter payload;
  m.save_payload(payload);
  return model::write_model_file(out, kind, header, payload.bytes());
}

// `dateline prune tagger|parser`: drops small weights and writes the model with its header
// plus the prune command.
template <typename Model>
int prune_model(const char* what, model::ModelKind kind, int argc, char** argv) {
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
  model::ModelFile file;
  Result<Model> m = read_syntax_model<Model>(in, kind, &file);
  if (!m.ok()) return fail(m.status());
  const size_t before = m->n_weights();
  m->prune(min_abs);
  model::ModelHeader header = file.header;
  header.emplace_back("pruned", command_line(name.c_str(), argc, argv));
  if (Status s = write_syntax_model(*m, kind, header, out); !s.ok()) return fail(s);
  std::fprintf(stderr, "prune: %zu -> %zu weights, %zu features; wrote %s\n", before,
               m->n_weights(), m->n_features(), out.c_str());
  return kExitOk;
}

// `dateline combine tagger|parser`: reads the models, sums them (Model::combine) and writes
// the result with the first model's header, minus its dev scores, plus every part's command,
// fingerprint and scores.
template <typename Model>
int combine_models(const char* what, model::ModelKind kind, int argc, char** argv) {
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
  std::vector<Model> models;
  model::ModelHeader header;
  for (const std::string& in : inputs) {
    model::ModelFile file;
    Result<Model> model = read_syntax_model<Model>(in, kind, &file);
    if (!model.ok()) return fail(model.status());
    if (header.empty()) {
      for (const auto& kv : file.header) {
        if (kv.first != "scores" && kv.first != "fingerprint") header.push_back(kv);
      }
    }
    header.emplace_back("part_command", model::header_value(file.header, "command"));
    header.emplace_back("part_fingerprint", model->fingerprint());
    header.emplace_back("part_scores", model::header_value(file.header, "scores"));
    models.push_back(std::move(*model));
  }
  std::vector<const Model*> others;
  for (size_t i = 1; i < models.size(); ++i) others.push_back(&models[i]);
  if (Status s = models[0].combine(others); !s.ok()) return fail(s);
  header.emplace_back("combined", command_line(name.c_str(), argc, argv));
  if (Status s = write_syntax_model(models[0], kind, header, out); !s.ok()) return fail(s);
  std::fprintf(stderr, "combine: %zu %ss; wrote %s\n", models.size(), what, out.c_str());
  return kExitOk;
}

}  // namespace

int run_prune_parser(int argc, char** argv) {
  return prune_model<syntax::Parser>("parser", model::ModelKind::kParser, argc, argv);
}

int run_prune_tagger(int argc, char** argv) {
  return prune_model<syntax::Tagger>("tagger", model::ModelKind::kTagger, argc, argv);
}

int run_combine_parser(int argc, char** argv) {
  return combine_models<syntax::Parser>("parser", model::ModelKind::kParser, argc, argv);
}

int run_combine_tagger(int argc, char** argv) {
  return combine_models<syntax::Tagger>("tagger", model::ModelKind::kTagger, argc, argv);
}

}  // namespace dateline::cli
