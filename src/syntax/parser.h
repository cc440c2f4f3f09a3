// SPDX-License-Identifier: Apache-2.0
#pragma once
// Transition-based dependency parser: arc-eager (Nivre 2003) with an artificial root at the
// bottom of the stack, greedy decoding, an averaged perceptron over Zhang & Nivre (2011)
// style rich non-local features, trained with the dynamic oracle of Goldberg & Nivre (2012)
// so that it learns to recover from its own mistakes. See docs/SYNTAX.md for why this design.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/training.h"
#include "model/model_file.h"
#include "model/perceptron.h"
#include "syntax/cluster_features.h"

namespace dateline::syntax {

/// One parsed word: head is a 0-based word index in the sentence, or -1 for the root.
struct ParsedWord {
  int32_t head = -1;
  uint16_t label = 0;  ///< index into Parser::label()
};

/// Immutable after load(); parse() is const and thread-safe (its scratch space is
/// thread_local).
class Parser {
 public:
  /// Reads a parser model (models/en_parser.dlm). Errors: kNotFound, kDataLoss.
  static Result<Parser> load(const std::string& path);
  static Result<Parser> from_model(const model::ModelFile& file, const std::string& name);

  /// Parses one sentence from its word forms and the hashes of their predicted tags
  /// (tag_hash()). Ensures: exactly one word has head -1, the result is a tree.
  void parse(std::span<const std::string_view> words, std::span<const uint64_t> tags,
             std::vector<ParsedWord>* out) const;

  const std::string& label(uint16_t id) const { return labels_[id]; }
  int n_labels() const { return static_cast<int>(labels_.size()); }
  size_t n_features() const { return weights_.n_features(); }
  size_t n_weights() const { return weights_.n_entries(); }
  const model::ModelHeader& header() const { return header_; }
  const std::string& fingerprint() const { return fingerprint_; }
  /// The clusters the model was trained with; nullptr for a model without cluster features.
  const ClusterFeatures* clusters() const { return clusters_.get(); }

  void save_payload(model::ByteWriter& w) const;

  /// Drops weights below `min_abs` (see model::Weights::pruned); used by `dateline prune parser`.
  void prune(float min_abs) { weights_ = weights_.pruned(min_abs); }

  /// Makes this parser the score ensemble of itself and `others` (model::Weights::sum): one greedy
  /// parser whose every decision sums theirs. Requires the same relations and the same
  /// clusters; errors: kInvalidArgument.
  Status combine(std::span<const Parser* const> others);

 private:
  friend struct ParserBuilder;
  Status load_payload(model::ByteReader& r);

  std::vector<std::string> labels_;  ///< UD relations; labels_[root_label_] == "root"
  uint16_t root_label_ = 0;
  model::Weights weights_;
  std::shared_ptr<const ClusterFeatures> clusters_;  ///< null: no cluster features
  model::ModelHeader header_;
  std::string fingerprint_;
};

/// The parser's view of a tag: a hash of "UPOS XPOS".
uint64_t tag_hash(std::string_view upos, std::string_view xpos);

// Training: dateline::train_parser (dateline/training.h).

}  // namespace dateline::syntax
