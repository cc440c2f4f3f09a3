// SPDX-License-Identifier: Apache-2.0
// dateline train segmenter --train GOLD.conllu... [--dev GOLD.conllu...] --out FILE
// Trains the sentence boundary model (segment/boundary_model.h) on the raw text of UD files,
// then scores it on the dev files.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "commands.h"
#include "segment/segmenter.h"
#include "segment/ud_eval.h"
#include "text/conllu.h"

namespace dateline::cli {
namespace {

Result<segment::GoldText> read_gold(const std::string& file) {
  DL_ASSIGN_OR_RETURN(auto sentences, text::read_conllu(file));
  return segment::gold_from_conllu(sentences);
}

void report_epoch(int epoch, double error_rate) {
  std::fprintf(stderr, "epoch %d: training error rate %.4f%%\n", epoch, 100 * error_rate);
}

}  // namespace

int run_train_segmenter(int argc, char** argv) {
  CLI::App app{"Train the sentence boundary model on UD CoNLL-U files"};
  app.name("dateline train segmenter");
  std::vector<std::string> train_files, dev_files;
  std::string out;
  segment::BoundaryTrainOptions options;
  app.add_option("--train", train_files, "gold CoNLL-U training files")->required();
  app.add_option("--dev", dev_files, "gold CoNLL-U files scored after training");
  app.add_option("--out", out, "model file to write (models/segmenter.dlsb)")->required();
  app.add_option("--epochs", options.epochs, "training epochs")->check(CLI::Range(1, 100));
  app.add_option("--hash-bits", options.hash_bits, "log2 of the weight table size")
      ->check(CLI::Range(10, 24));
  app.add_option("--seed", options.seed, "shuffling seed");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;

  std::deque<segment::GoldText> golds;  // the examples point into these texts
  std::vector<segment::BoundaryExample> examples;
  for (const std::string& file : train_files) {
    auto gold = read_gold(file);
    if (!gold.ok()) return fail(gold.status());
    golds.push_back(std::move(gold).value());
    auto ex = segment::boundary_examples(golds.back());
    std::fprintf(stderr, "%s: %zu paragraphs\n", file.c_str(), ex.size());
    for (auto& e : ex) examples.push_back(std::move(e));
  }
  segment::BoundaryModel model = segment::BoundaryModel::train(examples, options, report_epoch);

  // Dev scores go into the header, so the model is scored before it is written.
  const segment::Segmenter segmenter(model);  // a copy: the model is written below
  std::string scores, data;
  for (const std::string& file : train_files) data += (data.empty() ? "" : ", ") + file;
  for (const std::string& file : dev_files) {
    auto gold = read_gold(file);
    if (!gold.ok()) return fail(gold.status());
    Document doc;
    doc.text = gold->text;
    segmenter.segment(doc);
    auto s = segment::evaluate_segmentation(*gold, doc);
    if (!s.ok()) return fail(s.status());
    char line[512];
    std::snprintf(line, sizeof line,
                  "%s: Tokens F1 %.2f  Words F1 %.2f  Sentences F1 %.2f (P %.2f R %.2f)",
                  file.c_str(), 100 * s->tokens.f1(), 100 * s->words.f1(), 100 * s->sentences.f1(),
                  100 * s->sentences.precision(), 100 * s->sentences.recall());
    std::printf("%s\n", line);
    scores += (scores.empty() ? "" : "; ") + std::string(line);
  }
  model.set_header({{model::kHeaderCommand, command_line("train segmenter", argc, argv)},
                    {model::kHeaderData, data},
                    {model::kHeaderSeed, std::to_string(options.seed)},
                    {"epochs", std::to_string(options.epochs)},
                    {model::kHeaderScores, scores}});
  if (Status s = model.save(out); !s.ok()) return fail(s);
  std::fprintf(stderr, "wrote %s (fingerprint %s)\n", out.c_str(), model.fingerprint().c_str());
  return kExitOk;
}

}  // namespace dateline::cli
