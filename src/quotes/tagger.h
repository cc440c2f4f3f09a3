// SPDX-License-Identifier: Apache-2.0
#pragma once
// The attribution tagger: an averaged structured perceptron that labels each word of a
// paragraph as Source, Cue, Content or outside (BIO), decoded with Viterbi. PolNeAR
// annotates attributions that way (each token has one role in at most one attribution), so
// one tag sequence per paragraph holds them all; AttributionFinder then groups the spans
// into attributions.
//
// Features are hashed into a fixed table, so the model size does not depend on the corpus.
// They read the word and its neighbours, the quotation-mark structure, the distance and
// identity of the nearest likely cue on each side (a per-word cue prior learned from the
// corpus), commas between the word and those cues, sentence position, and, when the syntax
// stage has run, POS tags, dependency relations, the head's lemma, the relation under which
// a word hangs from a likely cue (nsubj -> source, ccomp -> content) and whether the word is
// an edge of that constituent's subtree. A model trained without parses simply never sees
// those features. Changing the feature set means retraining (and a new
// model::kModelFormatVersion, so that old files are refused).

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "model/model_file.h"
#include "model/perceptron.h"
#include "quotes/quote_marks.h"
#include "quotes/words.h"

namespace dateline::quotes {

enum class Role : uint8_t { kSource, kCue, kContent };

/// Tags: 0 = outside, then B/I for source, cue and content, then E (the last word of a
/// content of two or more words). Exact content spans fail mostly at their end, so the end
/// gets a tag of its own: its weights see the features of the word that closes a content.
/// Models trained without it (TrainerOptions::content_end_tag) have 7 tags and never
/// predict it.
inline constexpr int kTags = 8;
inline constexpr uint8_t kOut = 0;
inline constexpr uint8_t kContentEnd = 7;
inline constexpr uint8_t begin_tag(Role r) { return uint8_t(1 + 2 * int(r)); }
inline constexpr uint8_t inside_tag(Role r) { return uint8_t(2 + 2 * int(r)); }
inline constexpr Role tag_role(uint8_t tag) {
  return tag == kContentEnd ? Role::kContent : Role((tag - 1) / 2);
}
inline constexpr bool is_begin(uint8_t tag) {
  return tag != kOut && tag != kContentEnd && tag % 2 == 1;
}

/// A labelled span of words [begin, end) (word indices into a WordView).
struct RoleSpan {
  Role role;
  uint32_t begin;
  uint32_t end;
};

/// Turns a tag sequence over words [offset, offset + tags.size()) into spans.
std::vector<RoleSpan> spans_from_tags(const std::vector<uint8_t>& tags, uint32_t offset);

/// Everything a unit's features are computed from; built once per document.
struct TaggerInput {
  const Document* doc = nullptr;
  const WordView* view = nullptr;
  const std::vector<QuoteRegion>* regions = nullptr;
};

struct AnnotatedArticle;
struct TrainerOptions;

/// The trained weights and cue priors. Immutable after load(); tag() is const and
/// thread-safe (scratch space is the caller's).
///
/// File: a model container (model/model_file.h) of kind kAttribution. Header: training
/// command, data, syntax model, epochs, scores. Payload: u32 hash bits, u8 content-end tags,
/// u64 cue-prior count then (str form, f32 prior) in form order, the transition table as
/// (kTags + 1) x kTags f32 (row kTags: the start), then the weight table keyed by feature
/// bucket + 1 with a class per tag (kTags, or kTags - 1 without the content-end tag).
class AttributionTagger {
 public:
  static constexpr uint32_t kDefaultBits = 20;

  AttributionTagger() = default;

  /// Reads a model file. kNotFound when missing, kDataLoss when it is not an attribution
  /// model, of another format version, or damaged.
  static Result<AttributionTagger> load(const std::string& path);
  static Result<AttributionTagger> from_model(const model::ModelFile& file,
                                              const std::string& name);
  /// Writes the model with its header (set_header(): training command, data, scores).
  Status save(const std::string& path);
  void save_payload(model::ByteWriter& w) const;

  /// Tags the words of `unit`. `tags` is resized to the unit's length.
  /// Cost: O(n) in the unit's n words (features, then Viterbi over kTags^2 per word).
  void tag(const TaggerInput& in, const Unit& unit, std::vector<uint8_t>& tags) const;

  /// Feature keys (hash bucket + 1) of each word of `unit` (row-major, features_per_word()
  /// each; the model scores the first scored_features() of them). O(n): the nearest cues and
  /// the commas between come from prefix arrays, and the walks up the parse are cut at 40
  /// steps.
  void features(const TaggerInput& in, const Unit& unit, std::vector<uint64_t>& out) const;
  static constexpr int features_per_word() { return 43; }
  /// Features of a model without content-end tags (the first 41).
  static constexpr int kBaseFeatures = 41;
  int scored_features() const { return end_tags_ ? features_per_word() : kBaseFeatures; }

  /// Viterbi over per-word tag scores (n x kTags) with the transition weights.
  void decode(const std::vector<float>& scores, size_t n, std::vector<uint8_t>& tags) const;

  /// P(word is part of a cue) for a lower-cased form, as learned from the corpus.
  float cue_prior(const std::string& lower) const;

  const model::ModelHeader& header() const { return header_; }
  void set_header(model::ModelHeader header) { header_ = std::move(header); }
  /// The model file's fingerprint ("" for a model trained in memory and not yet saved).
  const std::string& fingerprint() const { return fingerprint_; }
  bool empty() const { return bits_ == 0; }
  uint32_t bits() const { return bits_; }
  /// Whether the model has the content-end tag and its boundary features.
  bool end_tags() const { return end_tags_; }
  const model::Weights& weights() const { return weights_; }

 private:
  friend Result<AttributionTagger> train_tagger(const std::vector<AnnotatedArticle>& train,
                                                const std::vector<AnnotatedArticle>& dev,
                                                const TrainerOptions& options,
                                                const std::function<void(const std::string&)>& log);

  uint32_t bits_ = 0;
  bool end_tags_ = false;
  model::Weights weights_;
  float transitions_[kTags + 1][kTags] = {};  ///< [previous tag, or kTags at start][tag]
  std::unordered_map<std::string, float> cue_prior_;
  model::ModelHeader header_;
  std::string fingerprint_;
};

}  // namespace dateline::quotes
