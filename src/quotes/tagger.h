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
// those features. Changing the feature set means a new kFormatVersion.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "quotes/quote_marks.h"
#include "quotes/words.h"

namespace dateline::quotes {

enum class Role : uint8_t { kSource, kCue, kContent };

/// Tags: 0 = outside, then B/I for source, cue and content, then E (the last word of a
/// content of two or more words). Exact content spans fail mostly at their end, so the end
/// gets a tag of its own: its weights see the features of the word that closes a content.
/// Format-2 models have no E tag (7 tags); they still load and never predict it.
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

/// The trained weights and cue priors. Immutable after load(); tag() is const and
/// thread-safe (scratch space is the caller's).
class AttributionTagger {
 public:
  static constexpr char kMagic[8] = {'D', 'L', 'Q', 'U', 'O', 'T', 'E', '\n'};
  static constexpr uint32_t kFormatVersion = 3;
  static constexpr uint32_t kDefaultBits = 20;

  AttributionTagger() = default;
  explicit AttributionTagger(uint32_t bits);

  /// Reads a model file. Rejects a wrong magic number and format versions other than 2
  /// (no content-end tag) and kFormatVersion (kDataLoss): newer ones are unknown, older
  /// ones used other features.
  static Result<AttributionTagger> load(const std::string& path);
  /// Writes the model with `header` (training command, data, scores: "key=value" lines).
  Status save(const std::string& path, const std::string& header) const;

  /// Tags the words of `unit`. `tags` is resized to the unit's length.
  /// Cost: O(n) in the unit's n words (features, then Viterbi over kTags^2 per word).
  void tag(const TaggerInput& in, const Unit& unit, std::vector<uint8_t>& tags) const;

  /// Hashed feature indices of each word of `unit` (row-major, features_per_word() each).
  /// O(n): the nearest cues and the commas between come from prefix arrays, and the walks
  /// up the parse are cut at 40 steps.
  void features(const TaggerInput& in, const Unit& unit, std::vector<uint32_t>& out) const;
  static constexpr int features_per_word() { return 43; }
  /// Features a format-2 model was trained with (the first 41; the rest are not scored).
  static constexpr int kFormat2Features = 41;

  /// Viterbi over per-word tag scores (n x kTags) with the transition weights.
  void decode(const std::vector<float>& scores, size_t n, std::vector<uint8_t>& tags) const;

  /// P(word is part of a cue) for a lower-cased form, as learned from the corpus.
  float cue_prior(const std::string& lower) const;

  const std::string& header() const { return header_; }
  const std::string& fingerprint() const { return fingerprint_; }
  bool empty() const { return weights_.empty() && quantised_.empty(); }

  // The trainer reads and writes these directly.
  uint32_t bits_ = 0;
  bool end_tags_ = false;       ///< format 3: kContentEnd and all features_per_word() features
  std::vector<float> weights_;  ///< (1 << bits_) x kTags; empty in a loaded model
  /// A loaded model keeps the file's 16-bit weights, half the memory of floats: weight =
  /// float(q) * scale_, computed where it is used, so scores equal those of expanded floats.
  std::vector<int16_t> quantised_;  ///< (1 << bits_) x kTags; empty while training
  float scale_ = 0;
  float transitions_[kTags + 1][kTags] = {};  ///< [previous tag, or kTags at start][tag]
  std::unordered_map<std::string, float> cue_prior_;

 private:
  std::string header_;
  std::string fingerprint_;
};

}  // namespace dateline::quotes
