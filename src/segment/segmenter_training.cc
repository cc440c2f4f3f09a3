// SPDX-License-Identifier: Apache-2.0
// Training the sentence boundary model on the raw text of UD files (dateline/training.h):
// the examples are the gold files' paragraphs as the segmenter sees them; the dev scores go
// into the model's header, so the model is scored before it is written.
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "dateline/training.h"
#include "segment/segmenter.h"
#include "segment/ud_eval.h"
#include "text/conllu.h"

namespace dateline {
namespace {

Result<segment::GoldText> read_gold(const std::string& file) {
  DL_ASSIGN_OR_RETURN(auto sentences, text::read_conllu(file));
  return segment::gold_from_conllu(sentences);
}

}  // namespace

Result<std::vector<std::string>> train_segmenter(const SegmenterTrainOptions& options) {
  auto log = [&](const std::string& s) {
    if (options.log) options.log(s);
  };
  std::deque<segment::GoldText> golds;  // the examples point into these texts
  std::vector<segment::BoundaryExample> examples;
  for (const std::string& file : options.train_files) {
    DL_ASSIGN_OR_RETURN(segment::GoldText gold, read_gold(file));
    golds.push_back(std::move(gold));
    auto ex = segment::boundary_examples(golds.back());
    log(file + ": " + std::to_string(ex.size()) + " paragraphs");
    for (auto& e : ex) examples.push_back(std::move(e));
  }
  segment::BoundaryTrainOptions train_options;
  train_options.epochs = options.epochs;
  train_options.hash_bits = options.hash_bits;
  train_options.seed = options.seed;
  segment::BoundaryModel model =
      segment::BoundaryModel::train(examples, train_options, [&](int epoch, double error_rate) {
        char line[96];
        std::snprintf(line, sizeof line, "epoch %d: training error rate %.4f%%", epoch,
                      100 * error_rate);
        log(line);
      });

  const segment::Segmenter segmenter(model);  // a copy: the model is written below
  std::vector<std::string> score_lines;
  std::string scores, data;
  for (const std::string& file : options.train_files) data += (data.empty() ? "" : ", ") + file;
  for (const std::string& file : options.dev_files) {
    DL_ASSIGN_OR_RETURN(segment::GoldText gold, read_gold(file));
    Document doc;
    doc.text = gold.text;
    segmenter.segment(doc);
    DL_ASSIGN_OR_RETURN(segment::SegmentationScores s, segment::evaluate_segmentation(gold, doc));
    char line[512];
    std::snprintf(line, sizeof line,
                  "%s: Tokens F1 %.2f  Words F1 %.2f  Sentences F1 %.2f (P %.2f R %.2f)",
                  file.c_str(), 100 * s.tokens.f1(), 100 * s.words.f1(), 100 * s.sentences.f1(),
                  100 * s.sentences.precision(), 100 * s.sentences.recall());
    score_lines.emplace_back(line);
    scores += (scores.empty() ? "" : "; ") + std::string(line);
  }
  model.set_header({{model::kHeaderCommand, options.command},
                    {model::kHeaderData, data},
                    {model::kHeaderSeed, std::to_string(options.seed)},
                    {"epochs", std::to_string(options.epochs)},
                    {model::kHeaderScores, scores}});
  DL_RETURN_IF_ERROR(model.save(options.out));
  log("wrote " + options.out + " (fingerprint " + model.fingerprint() + ")");
  return score_lines;
}

}  // namespace dateline
