// SPDX-License-Identifier: Apache-2.0
#pragma once
// The named-entity sequence model: a first-order structured averaged perceptron over BILOU
// tags, decoded exactly (Viterbi under hard BILOU transition constraints), and its trainer.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clusters/word_clusters.h"
#include "dateline/status.h"
#include "encoder/token_encoder.h"
#include "entities/gazetteer.h"
#include "model/perceptron.h"

namespace dateline::entities {

/// A typed span of words [begin, end) in a sentence.
struct NerSpan {
  uint32_t begin = 0, end = 0;
  std::string type;  ///< the model's own label ("PER", "ORG", "LOC")
  friend bool operator==(const NerSpan&, const NerSpan&) = default;
};

/// One training or evaluation sentence.
struct NerExample {
  std::vector<std::string> words;
  std::vector<std::string> upos;  ///< empty when not known
  std::vector<NerSpan> spans;
  /// Training corpus: 0 is the target domain (UNER); other values are extra corpora whose
  /// features are also learned in a copy of their own ("frustratingly easy" domain
  /// adaptation, Daume 2007), so their annotation conventions do not leak into the target.
  uint8_t domain = 0;
  /// Examples with the same number that follow each other form one document (article-level
  /// steps of the evaluation, see propagate_names()); 0 = unknown.
  uint32_t document = 0;
};

/// What the model reads for one sentence. `upos` may be empty (no tagger model), in which
/// case POS features are simply absent; `gazetteer` holds gazetteer_bits() per word.
struct NerInput {
  std::span<const std::string_view> words;
  std::span<const std::string_view> upos;
  std::span<const uint32_t> gazetteer;
  /// document_case_bits() per word; empty when the sentence is read alone.
  std::span<const uint8_t> document = {};
};

/// How a word is written elsewhere in its document (flags per word). Web text writes a name
/// in lower case in one sentence and capitalised in the next, and headings capitalise every
/// word, so the word's other spellings are evidence its own sentence lacks (Ratinov and
/// Roth's "context aggregation", reduced to case).
enum DocumentCaseBit : uint8_t {
  kDocCapitalised = 1,  ///< capitalised ("Firefox") away from a sentence start elsewhere
  kDocLowerCase = 2,    ///< in lower case elsewhere
  kDocUpperCase = 4,    ///< in capitals elsewhere (two letters or more)
};
/// `sentences[k]` are the words of sentence k of one document; the result has the same
/// shape. Only other occurrences count, never the word itself.
std::vector<std::vector<uint8_t>> document_case_bits(
    std::span<const std::vector<std::string_view>> sentences);
/// The end of the document that starts at examples[begin]: consecutive examples with the
/// same non-zero NerExample::document (0 = a document of its own).
size_t document_end(std::span<const NerExample> examples, size_t begin);
/// document_case_bits() of every example, each document read as a whole.
std::vector<std::vector<uint8_t>> document_case_bits(std::span<const NerExample> examples);

/// Per-word gazetteer cues: bit flags set for words inside a (longest) gazetteer match.
enum GazetteerBit : uint8_t {
  kGazPlace = 1,      ///< country, city, subdivision or region
  kGazOrg = 2,        ///< organizations.tsv
  kGazDemonym = 4,    ///< nationality or group word
  kGazTitle = 8,      ///< titles.tsv head or modifier
  kGazHonorific = 16, ///< "Mr.", "Dr."
  kGazGivenName = 32, ///< given_names.tsv
  kGazBegin = 64,     ///< first word of a multi-word match
  kGazWeak = 128,     ///< the place match is an ISO subdivision only
};
/// Bits 8 and up hold the NameListBit flags of Gazetteer::name_lists().
inline constexpr int kGazListShift = 8;
std::vector<uint32_t> gazetteer_bits(const Gazetteer& gazetteer,
                                    std::span<const std::string_view> words);

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  /// Update size for examples of other domains than 0 (1 = as much as target examples).
  float source_weight = 1.0f;
  /// Trains this many models (seeds seed, seed+1, ...) and averages their weights into one
  /// model of the same size per feature (parameter averaging: smooths out the dependence of
  /// a perceptron on the order of its examples). 1 = a single run.
  int average_seeds = 1;
  /// Word clusters to read features from (may be null); recorded in the model header.
  std::shared_ptr<const clusters::WordClusters> clusters;
  /// Reads document_case_bits() over each document of the examples (NerExample::document).
  bool document_case = true;
  /// Features seen fewer times than this in training are dropped from the saved model.
  int min_feature_count = 1;
  /// Called after each epoch with (epoch, training accuracy of that pass).
  std::function<void(int, double)> progress;
};

/// Metadata written into the model file header (and outside_bias into its payload).
struct NerModelInfo {
  std::string command;      ///< the training command line
  std::string data;         ///< which corpora it was trained on
  std::string seed;         ///< the training seed
  std::string scores;       ///< e.g. "uner-ewt-dev F1=81.2"
  std::string fingerprint;  ///< of the model file; filled by serialize(), save(), parse()
  /// Fingerprint of the word clusters the model was trained with, empty when none. At run
  /// time cluster features are read only when the same clusters are attached.
  std::string clusters;
  /// Name of the clusters file in the models folder (header key `clusters_file`; models
  /// written before the key existed read en_clusters.dlc).
  std::string clusters_file = clusters::kClustersFile;
  /// Subtracted from the score of O at every word when decoding: a perceptron trained on
  /// sparse names errs towards O (precision above recall), and a positive bias chosen on dev
  /// data trades some precision back for recall. 0 = none.
  float outside_bias = 0;
};

/// How a word's label scores combine the linear model and the encoder's NER head
/// (encoder/token_encoder.h) when one is attached: linear x (the perceptron's scores, in the
/// trainer's units) + encoder x (the head's log-probabilities). linear = 0 reads the encoder
/// alone (no linear features, no transition scores: Viterbi only enforces BILOU).
/// The defaults were chosen on UNER dev with a linear model trained on train only
/// (docs/ENTITIES.md): encoder x 1 gives 75.66, x 2 76.40, x 3 76.10, x 4 75.93, the encoder
/// alone 68.14, the linear model alone 75.43.
struct NerMix {
  float linear = 1;
  float encoder = 2;
  friend bool operator==(const NerMix&, const NerMix&) = default;
};

/// Immutable after training or loading; predict() is const and thread-safe.
///
/// File: a model container (model/model_file.h) of kind kNer. Header: command, data, seed,
/// scores, clusters (fingerprint), clusters_file. Payload: the entity types (strings), the
/// outside bias (f32), the weight table (a row of labels per feature key).
class NerModel {
 public:
  NerModel() = default;
  /// A model from its parts (converters, tests): `weights` has 1 + 4 x types.size() classes.
  NerModel(std::vector<std::string> types, model::Weights weights, NerModelInfo info);

  /// Reads a model file. kNotFound when missing, kDataLoss when it is not a NER model, of
  /// another format version, or damaged.
  static Result<NerModel> load(const std::string& path);
  /// Reads a model from the bytes of a file (`name` is used in messages).
  static Result<NerModel> parse(std::string_view bytes, const std::string& name);
  /// The bytes of the model file; sets info().fingerprint.
  std::string serialize();
  Status save(const std::string& path);

  /// Trains on `examples` deterministically for a given options.seed.
  static NerModel train(const std::vector<NerExample>& examples, const Gazetteer& gazetteer,
                        const NerTrainOptions& options);

  /// Entity spans of one sentence, non-overlapping, in order.
  std::vector<NerSpan> predict(const NerInput& input) const;
  /// Convenience: builds the NerInput (gazetteer bits, no POS unless given) and predicts.
  std::vector<NerSpan> predict(const NerExample& example, const Gazetteer& gazetteer,
                               bool use_pos, std::span<const uint8_t> document = {}) const;

  const std::vector<std::string>& types() const { return types_; }
  NerModelInfo& info() { return info_; }
  const NerModelInfo& info() const { return info_; }
  bool empty() const { return types_.empty(); }
  const model::Weights& weights() const { return weights_; }

  /// Gives the model its word clusters (call before sharing the model between threads).
  /// They are used only when their fingerprint is the one recorded at training time;
  /// returns whether they are used. A model trained with clusters still works without them,
  /// less accurately.
  bool attach_clusters(std::shared_ptr<const clusters::WordClusters> clusters);
  bool uses_clusters() const { return clusters_ != nullptr; }

  /// Gives the model the token encoder whose "ner" head scores words with it, mixed as
  /// `mix` says (call before sharing the model between threads). Returns false, and leaves
  /// the model as it was, when the encoder has no NER head over the model's types.
  bool attach_encoder(std::shared_ptr<const encoder::TokenEncoder> encoder, NerMix mix);
  bool uses_encoder() const { return encoder_ != nullptr; }
  NerMix mix() const { return mix_; }
  /// A model of the encoder's NER head alone (no linear weights; mix {0, 1}), for a models
  /// folder without en_ner.dlm. Empty when the encoder has no NER head.
  static NerModel from_encoder(std::shared_ptr<const encoder::TokenEncoder> encoder);

 private:
  /// options.average_seeds runs with consecutive seeds, their weights averaged.
  static NerModel train_averaged(const std::vector<NerExample>& examples,
                                 const Gazetteer& gazetteer, const NerTrainOptions& options);
  void set_types(std::vector<std::string> types);

  std::vector<std::string> types_;   // entity types; labels are O + {B,I,L,U} x types
  size_t num_labels_ = 1;
  model::Weights weights_;                                  // feature key -> a weight per label
  std::shared_ptr<const clusters::WordClusters> clusters_;  // null: no cluster features
  std::shared_ptr<const encoder::TokenEncoder> encoder_;    // null: the linear model alone
  const encoder::EncoderHead* ner_head_ = nullptr;          // encoder_'s "ner" head
  std::vector<uint8_t> head_label_;  // encoder head label of each of our labels
  NerMix mix_;
  /// The head's log-probability of each of our labels at each word (n x num_labels_).
  void encoder_scores(std::span<const std::string_view> words, std::vector<double>& out) const;
  NerModelInfo info_;
};

/// Exact-match span scores.
struct NerScore {
  struct Counts {
    int gold = 0, predicted = 0, correct = 0;
    double precision() const { return predicted ? 100.0 * correct / predicted : 0; }
    double recall() const { return gold ? 100.0 * correct / gold : 0; }
    double f1() const {
      double p = precision(), r = recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
  };
  std::vector<std::pair<std::string, Counts>> by_type;  // sorted by type
  Counts overall;
  void add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted);
  std::string to_string() const;
};

}  // namespace dateline::entities
