// SPDX-License-Identifier: Apache-2.0
#pragma once
// Content-boundary reranker: after the tagger and completion, each attribution's content
// span is replaced by the best of a few dozen candidate (start, end) pairs cut at the
// clause, comma and sentence boundaries around it, scored by an averaged perceptron.
//
// Why: a third of the content errors on PolNeAR dev are boundaries off by a clause or a
// comma; a tagger decides each word locally, while a reranker sees the whole span (both
// edges, its length, whether it is a clause the cue governs) at once.

#include <cstdint>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "model/model_file.h"
#include "model/perceptron.h"
#include "quotes/indirect_finder.h"
#include "quotes/words.h"

namespace dateline::quotes {

/// A candidate content span in word indices, half-open.
struct ContentCandidate {
  uint32_t begin = 0, end = 0;
  bool operator==(const ContentCandidate&) const = default;
};

/// Per-document parse facts the candidates and features need (built once per document).
struct RerankContext {
  const Document* doc = nullptr;
  const WordView* view = nullptr;
  std::vector<uint32_t> token_first_word, token_last_word;  ///< per token, UINT32_MAX if none
  std::vector<uint32_t> subtree_lo, subtree_hi;             ///< per token: token range
  bool parsed = false;
};
RerankContext make_rerank_context(const Document& doc, const WordView& view);

/// Candidates for content `content` of attribution `a` (the tagger's span comes first),
/// within the sentences the span touches, never overlapping the cue or source. At most
/// `kMaxCandidates`.
constexpr size_t kMaxCandidates = 64;
void content_candidates(const RerankContext& ctx, const WordAttribution& a,
                        ContentCandidate content, std::vector<ContentCandidate>& out);

/// Scores candidate spans with a one-class averaged perceptron over features hashed into
/// 2^kBits buckets. Immutable after load(); rerank() is const and thread-safe.
///
/// File: a model container (model/model_file.h) of kind kContentReranker. Header: training
/// command, data, epochs/seeds/folds/rounds, dev score. Payload: the one-class weight table
/// keyed by bucket + 1.
class ContentReranker {
 public:
  static constexpr uint32_t kBits = 18;
  ContentReranker() = default;
  explicit ContentReranker(model::Weights weights) : weights_(std::move(weights)) {}

  /// Reads a model file. kNotFound when missing, kDataLoss when it is not a reranker model,
  /// of another format version, or damaged.
  static Result<ContentReranker> load(const std::string& path);
  static Result<ContentReranker> from_model(const model::ModelFile& file, const std::string& name);
  /// Writes the model with its header (set_header(): training command, data, scores).
  Status save(const std::string& path);

  /// Feature keys (bucket + 1) of candidate `c` of content `orig` of `a` (appended to `out`).
  static void features(const RerankContext& ctx, const WordAttribution& a, ContentCandidate orig,
                       ContentCandidate c, std::vector<uint64_t>& out);
  /// The candidate's score, in units of weights().scale().
  int32_t score(const std::vector<uint64_t>& feats) const;

  /// Replaces the single content span of each attribution that has a cue with the best
  /// candidate.
  void rerank(const RerankContext& ctx, std::vector<WordAttribution>& found) const;

  /// The model file's fingerprint ("" for a model trained in memory and not yet saved).
  const std::string& fingerprint() const { return fingerprint_; }
  const model::ModelHeader& header() const { return header_; }
  void set_header(model::ModelHeader header) { header_ = std::move(header); }
  const model::Weights& weights() const { return weights_; }

  /// The reranker whose weights are the average of the parts' (models trained with other
  /// shuffling seeds).
  static ContentReranker average(const std::vector<ContentReranker>& parts);

 private:
  model::Weights weights_;
  model::ModelHeader header_;
  std::string fingerprint_;
};

/// One training example: the candidates' features and the index of the gold one.
struct RerankExample {
  std::vector<std::vector<uint64_t>> feats;
  uint32_t gold = 0;
};

/// How many of `examples` the reranker picks the gold candidate of.
int count_exact(const ContentReranker& reranker, const std::vector<RerankExample>& examples);

/// Averaged perceptron over `train`; `dev_log` gets "epoch N: dev exact X/Y" lines.
ContentReranker train_content_reranker(const std::vector<RerankExample>& train,
                                       const std::vector<RerankExample>& dev, int epochs,
                                       uint32_t seed, std::vector<std::string>& dev_log);

}  // namespace dateline::quotes
