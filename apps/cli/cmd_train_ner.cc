// SPDX-License-Identifier: Apache-2.0
// dateline train ner --out models/en_ner.dlm --train FILE... [--extra FILE...] [--dev FILE]
//   [--clusters models/en_clusters.dlc] [--epochs N] [--seed N] [--source-weight W]
//   [--outside-bias auto|X]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli_options.h"
#include "commands.h"
#include "entities/gazetteer.h"
#include "entities/ner_data.h"
#include "entities/ner_eval.h"
#include "entities/ner_model.h"

namespace dateline::cli {

int run_train_ner(int argc, char** argv) {
  CLI::App app{"Train the named-entity model (averaged perceptron over BILOU tags)"};
  app.name("dateline train ner");
  std::string out, dev, lexicons;
  std::vector<std::string> train, extra;
  std::string clusters_file;
  entities::NerTrainOptions options;
  app.add_option("--out", out, "model file to write (models/en_ner.dlm)")->required();
  app.add_option("--train", train,
                 "training files: IOB2/CoNLL (UNER, wikigold, re3d) or GUM .conllu (named "
                 "mentions of its Entity= annotations)")
      ->required();
  app.add_option("--extra", extra,
                 "training files of other corpora (same formats): each folder is its own "
                 "domain, learned in shared and domain-specific feature copies");
  app.add_option("--source-weight", options.source_weight,
                 "update size for --extra sentences (target sentences: 1)")
      ->capture_default_str();
  app.add_option("--average-seeds", options.average_seeds,
                 "train this many seeds and average their weights into one model")
      ->capture_default_str();
  app.add_option("--clusters", clusters_file,
                 "word clusters (.dlc) to read features from; recorded in the model header");
  app.add_option("--dev", dev, "IOB2 file scored after training (written into the header)");
  app.add_option("--epochs", options.epochs, "passes over the data")->capture_default_str();
  app.add_option("--seed", options.seed, "shuffling seed (training is deterministic)")
      ->capture_default_str();
  app.add_option("--min-count", options.min_feature_count,
                 "drop features updated fewer times than this")
      ->capture_default_str();
  bool sentence_only = false;
  app.add_flag("--no-document-case", sentence_only,
               "do not read how each word is written elsewhere in its document");
  app.add_option("--lexicons", lexicons, "lexicons folder (default: the built-in one)");
  std::string outside_bias = "auto";
  app.add_option("--outside-bias", outside_bias,
                 "score subtracted from O when decoding; 'auto' picks it on --dev (0 without)")
      ->capture_default_str();
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (lexicons.empty()) lexicons = default_lexicons_dir();
  options.document_case = !sentence_only;
  auto gazetteer = entities::Gazetteer::load(lexicons);
  if (!gazetteer.ok()) return fail(gazetteer.status());

  const entities::NerTypeMap map = entities::default_ner_type_map();
  std::vector<entities::NerExample> examples;
  std::string data;
  if (!clusters_file.empty()) {
    auto c = clusters::WordClusters::load(clusters_file);
    if (!c.ok()) return fail(c.status());
    options.clusters = std::make_shared<const clusters::WordClusters>(std::move(*c));
  }
  std::vector<std::string> files = train;
  std::vector<std::string> folders;  // of --extra files, in order: domain = index + 1
  files.insert(files.end(), extra.begin(), extra.end());
  for (size_t f = 0; f < files.size(); ++f) {
    const std::string& path = files[f];
    // One domain per corpus: extra files of the same folder (BTC's sections) share one.
    size_t slash_at = path.find_last_of('/');
    std::string folder = slash_at == std::string::npos ? "" : path.substr(0, slash_at);
    uint8_t domain = 0;
    if (f >= train.size()) {
      auto it = std::find(folders.begin(), folders.end(), folder);
      if (it == folders.end()) it = folders.insert(folders.end(), folder);
      domain = static_cast<uint8_t>(std::min<size_t>(it - folders.begin() + 1, 255));
    }
    bool conllu = path.size() > 7 && path.substr(path.size() - 7) == ".conllu";
    auto read = conllu ? entities::read_gum_names(path, map) : entities::read_iob(path, map);
    if (!read.ok()) return fail(read.status());
    std::fprintf(stderr, "train ner: %s: %zu sentences\n", path.c_str(), read->size());
    size_t slash = path.find_last_of('/');
    data += (data.empty() ? "" : ", ") + path.substr(slash == std::string::npos ? 0 : slash + 1);
    if (domain != 0) data += " (domain " + std::to_string(domain) + ")";
    for (auto& ex : *read) {
      ex.domain = domain;
      examples.push_back(std::move(ex));
    }
  }
  options.progress = [](int epoch, double accuracy) {
    std::fprintf(stderr, "train ner: epoch %d: training accuracy %.4f\n", epoch, accuracy);
  };
  entities::NerModel model = entities::NerModel::train(examples, *gazetteer, options);

  std::string command = "dateline train ner";
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  model.info().command = command;
  model.info().data = data;
  if (!clusters_file.empty()) {
    model.info().clusters_file = std::filesystem::path(clusters_file).filename().string();
  }
  if (outside_bias != "auto") {
    char* end = nullptr;
    model.info().outside_bias = std::strtof(outside_bias.c_str(), &end);
    if (end == outside_bias.c_str() || *end != 0) {
      return fail(error(ErrorCode::kBadInput, "--outside-bias: not a number: " + outside_bias));
    }
  }
  if (!dev.empty()) {
    auto gold = entities::read_iob(dev, map);
    if (!gold.ok()) return fail(gold.status());
    if (outside_bias == "auto") {
      // The bias that maximises dev F1 on a coarse grid; ties keep the smaller bias.
      float best_bias = 0;
      double best_f1 = -1;
      for (int step = 0; step <= 16; ++step) {
        model.info().outside_bias = 0.5f * static_cast<float>(step);
        double f1 = entities::evaluate_names(*gazetteer, &model, *gold).overall.f1();
        std::fprintf(stderr, "train ner: outside bias %.2f: dev F1 %.2f\n",
                     model.info().outside_bias, f1);
        if (f1 > best_f1 + 1e-9) {
          best_f1 = f1;
          best_bias = model.info().outside_bias;
        }
      }
      model.info().outside_bias = best_bias;
    }
    entities::NerScore score = entities::evaluate_names(*gazetteer, &model, *gold);
    std::fprintf(stderr, "%s", score.to_string().c_str());
    char buf[240];
    size_t slash = dev.find_last_of('/');
    std::snprintf(buf, sizeof buf,
                  "%s: P=%.2f R=%.2f F1=%.2f (exact span+type, UNER mapping, outside bias %.2f)",
                  dev.substr(slash == std::string::npos ? 0 : slash + 1).c_str(),
                  score.overall.precision(), score.overall.recall(), score.overall.f1(),
                  model.info().outside_bias);
    model.info().scores = buf;
  }
  Status s = model.save(out);
  if (!s.ok()) return fail(s);
  std::fprintf(stderr, "train ner: wrote %s (fingerprint %s)\n", out.c_str(),
               model.info().fingerprint.c_str());
  return kExitOk;
}

}  // namespace dateline::cli
