// SPDX-License-Identifier: Apache-2.0
// dateline train segmenter --train GOLD.conllu... [--dev GOLD.conllu...] --out FILE
// Trains the sentence boundary model on the raw text of UD files, then scores it on the dev
// files (dateline/training.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "dateline/training.h"

namespace dateline::cli {

int run_train_segmenter(int argc, char** argv) {
  CLI::App app{"Train the sentence boundary model on UD CoNLL-U files"};
  app.name("dateline train segmenter");
  SegmenterTrainOptions options;
  app.add_option("--train", options.train_files, "gold CoNLL-U training files")->required();
  app.add_option("--dev", options.dev_files, "gold CoNLL-U files scored after training");
  app.add_option("--out", options.out, "model file to write (models/segmenter.dlsb)")
      ->required();
  app.add_option("--epochs", options.epochs, "training epochs")->check(CLI::Range(1, 100));
  app.add_option("--hash-bits", options.hash_bits, "log2 of the weight table size")
      ->check(CLI::Range(10, 24));
  app.add_option("--seed", options.seed, "shuffling seed");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  options.command = command_line("train segmenter", argc, argv);
  options.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  Result<std::vector<std::string>> scores = train_segmenter(options);
  if (!scores.ok()) return fail(scores.status());
  for (const std::string& line : *scores) std::printf("%s\n", line.c_str());
  return kExitOk;
}

}  // namespace dateline::cli
