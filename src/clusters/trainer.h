// SPDX-License-Identifier: Apache-2.0
#pragma once
// Training word clusters from unlabelled text (see trainer.cc for the algorithm).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dateline/status.h"

namespace dateline::clusters {

struct ClustersTrainOptions {
  // Inputs by format; only their text is read. Plain-text formats are tokenized with
  // dateline's own segmenter, so the clusters see the words the pipeline produces.
  std::vector<std::string> conllu;  ///< CoNLL-U: FORM of every syntactic word
  std::vector<std::string> conll;   ///< CoNLL/IOB: first column; blank line = sentence end
  std::vector<std::string> jsonl;   ///< one JSON object a line; its "text" string
  std::vector<std::string> csv;     ///< CSV with a header row; the "text" column
  std::vector<std::string> xml;     ///< XML/SGML (TimeML): text with tags and entities removed
  int clusters = 256;       ///< flat classes before the hierarchy is built
  int min_count = 2;        ///< rarer words are one <unk> word while clustering, and not stored
  int iterations = 15;      ///< upper bound on exchange passes
  std::string out;          ///< .dlc file to write
  std::string command;      ///< the command line, stored in the header
  std::function<void(const std::string&)> log;  ///< progress lines (may be empty)
};

/// Reads the inputs, clusters the vocabulary and writes options.out. Deterministic.
/// Errors: kNotFound / kIo for unreadable inputs, kInvalidArgument for bad options.
Status train_clusters(const ClustersTrainOptions& options);

}  // namespace dateline::clusters
