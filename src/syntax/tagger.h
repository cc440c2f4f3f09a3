// SPDX-License-Identifier: Apache-2.0
#pragma once
// Part-of-speech tagger, morphological features and lemmas.
//
// A greedy left-to-right averaged perceptron predicts one joint class per word, the UPOS and
// XPOS pair ("PROPN NNP"): the two tag sets are nearly redundant in English and predicting
// them together keeps them consistent. A second, small perceptron then picks the FEATS string
// among those seen with that class in training ("Number=Sing" vs "Number=Plur" never needs to
// compete with verb features), and the lemmatizer maps (form, class) to a lemma.

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
#include "syntax/lemmatizer.h"

namespace dateline::syntax {

/// The tagger's decision for one word: indices into Tagger's tables.
struct TaggedWord {
  uint16_t tag = 0;    ///< joint UPOS+XPOS class
  uint16_t feats = 0;  ///< FEATS string
};

/// Per-word hashes computed once per sentence and shared by all feature templates.
struct WordHashes {
  uint64_t norm = 0;   ///< lower case, digits mapped to 0
  uint64_t form = 0;   ///< exact form
  uint64_t shape = 0;  ///< "Xxx", "dd.dd", ...
  uint64_t prefix[3] = {};
  uint64_t suffix[4] = {};
  bool upper_initial = false;
  ClusterFeatures::Hashes cluster{};  ///< cluster path prefixes (zero without clusters)
};

/// Fills `out` with the hashes of each word; cluster hashes only when `clusters` is given.
void hash_words(std::span<const std::string_view> words, std::vector<WordHashes>* out,
                const ClusterFeatures* clusters = nullptr);

/// The tag-classifier features of word i given the two previous tags (n_tags for none).
/// Writes at most kMaxTagFeatures keys; returns how many. `use_clusters` adds the cluster
/// templates (the hashes must then have been computed with clusters). `verb_seen` is -1 for
/// a model without the clause-context templates, else 1 when an earlier word of the
/// sentence was tagged VERB or AUX, 0 when none was.
inline constexpr int kMaxTagFeatures = 48;
int tag_features(const std::vector<WordHashes>& h, int i, int prev1, int prev2, uint64_t* keys,
                 bool use_clusters = false, int verb_seen = -1);

/// Header value of "features" naming the clause-context templates (see tag_features).
inline constexpr const char* kVerbContextFeatures = "verb-context";
/// The tags that count as the clause's verb for those templates.
inline bool is_verbal(std::string_view upos) { return upos == "VERB" || upos == "AUX"; }

/// The FEATS-classifier features of word i given the tags of the whole sentence.
inline constexpr int kMaxFeatsFeatures = 16;
int feats_features(const std::vector<WordHashes>& h, std::span<const TaggedWord> tags, int i,
                   uint64_t* keys);

/// Immutable after load(); tag() is const and thread-safe (its scratch space is
/// thread_local).
class Tagger {
 public:
  /// Reads a tagger model (models/en_tagger.dlm). Errors: kNotFound, kDataLoss.
  static Result<Tagger> load(const std::string& path);
  static Result<Tagger> from_model(const model::ModelFile& file, const std::string& name);

  /// Tags one sentence. Ensures: out->size() == words.size().
  void tag(std::span<const std::string_view> words, std::vector<TaggedWord>* out) const;
  std::string lemma(std::string_view form, const TaggedWord& w) const {
    return lemmatizer_.lemmatize(form, w.tag);
  }
  void lemma(std::string_view form, const TaggedWord& w, std::string* out) const {
    lemmatizer_.lemmatize(form, w.tag, out);
  }

  const std::string& upos(const TaggedWord& w) const { return upos_[w.tag]; }
  const std::string& xpos(const TaggedWord& w) const { return xpos_[w.tag]; }
  const std::string& feats(const TaggedWord& w) const { return feats_[w.feats]; }
  int n_tags() const { return static_cast<int>(upos_.size()); }
  const model::ModelHeader& header() const { return header_; }
  const std::string& fingerprint() const { return fingerprint_; }
  /// The clusters the model was trained with; nullptr for a model without cluster features.
  const ClusterFeatures* clusters() const { return clusters_.get(); }
  /// Whether the model reads the clause-context templates (tag_features' verb_seen).
  bool verb_context() const { return verb_context_; }

  /// The model payload (tables and weights), for the trainer and the round-trip test.
  void save_payload(model::ByteWriter& w) const;

  /// Makes this tagger the score ensemble of itself and `others` (model::Weights::sum over both the
  /// tag and the FEATS classifiers; the lemmatizer stays this one's). Requires the same tag
  /// and FEATS tables, clusters and templates; errors: kInvalidArgument.
  Status combine(std::span<const Tagger* const> others);

  /// Drops tag-classifier weights below `min_abs` (model::Weights::pruned); `dateline prune
  /// tagger`. The FEATS classifier is left whole: it is small and only runs on ambiguous words.
  void prune(float min_abs) { tag_weights_ = tag_weights_.pruned(min_abs); }
  /// Size of the tag classifier's table.
  size_t n_features() const { return tag_weights_.n_features(); }
  size_t n_weights() const { return tag_weights_.n_entries(); }

 private:
  friend struct TaggerBuilder;
  Status load_payload(model::ByteReader& r);
  void set_verbal_classes();

  std::vector<std::string> upos_, xpos_;      ///< per joint class
  std::vector<std::string> feats_;            ///< FEATS strings, "" = none
  std::vector<std::vector<uint16_t>> feats_of_tag_;  ///< candidate FEATS per class
  model::Weights tag_weights_;
  model::Weights feats_weights_;
  Lemmatizer lemmatizer_;
  std::shared_ptr<const ClusterFeatures> clusters_;  ///< null: no cluster features
  bool verb_context_ = false;
  std::vector<uint8_t> verbal_;  ///< per class: UPOS is VERB or AUX
  model::ModelHeader header_;
  std::string fingerprint_;
};

// Training: dateline::train_tagger (dateline/training.h).

}  // namespace dateline::syntax
