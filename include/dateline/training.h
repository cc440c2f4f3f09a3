// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// Training the models the pipeline reads (models/README.md), callable from any program:
/// the CLI's `train`, `prune` and `combine` commands parse their flags into these options
/// and call these functions. Each trainer reads its corpora from files, reports progress
/// lines through `log`, and writes one model file whose header records `command`, the data
/// and the scores. All are deterministic for a given seed; none keeps state between calls.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dateline/status.h"

namespace dateline {

/// Receives one progress line at a time (may be empty: no progress is reported).
using TrainingLog = std::function<void(const std::string&)>;

/// The part-of-speech tagger, FEATS classifier and lemmatizer (en_tagger.dlm).
struct TaggerTrainOptions {
  std::vector<std::string> train_files;  ///< CoNLL-U
  std::vector<std::string> dev_files;    ///< CoNLL-U, used to pick the best epoch
  int epochs = 12;
  uint64_t seed = 1;
  std::string out;       ///< model path
  std::string clusters;  ///< en_clusters.dlc to add cluster features ("" = none); the model
                         ///< must be used with a copy of it in its own directory
  bool verb_context = false;  ///< add the clause-context templates (tag_features)
  std::string command;        ///< the command line, stored in the header
  TrainingLog log;            ///< progress lines
};

/// Trains on the gold tags of `train_files`, keeps the epoch with the best dev score and
/// writes the model to `out`.
Status train_tagger(const TaggerTrainOptions& options);

/// The dependency parser (en_parser.dlm): arc-eager, dynamic oracle, averaged perceptron.
struct ParserTrainOptions {
  std::vector<std::string> train_files;  ///< CoNLL-U
  std::vector<std::string> dev_files;    ///< CoNLL-U, used to pick the best epoch
  std::string tagger;     ///< tagger model that tags dev (and train, when jackknife == 0)
  int jackknife = 0;      ///< folds of jackknife tagging of the training data (0 = off)
  int tagger_epochs = 8;  ///< epochs of each fold's tagger
  int epochs = 15;
  float prune = 1.0f;     ///< drop averaged weights below this (model size)
  std::string clusters;   ///< en_clusters.dlc for cluster features ("" = none); the jackknife
                          ///< taggers use them too when the `tagger` model does
  uint64_t seed = 1;
  std::string out;
  std::string command;
  TrainingLog log;
};

/// Trains on the training treebanks with predicted tags, keeps the epoch with the best dev
/// LAS (dev tagged by `tagger`) and writes the model.
Status train_parser(const ParserTrainOptions& options);

/// The two syntax models that `prune_syntax_model` and `combine_syntax_models` rewrite.
enum class SyntaxModel { kTagger, kParser };

/// Weights of a pruned model, before and after.
struct PruneCounts {
  size_t weights_before = 0;
  size_t weights_after = 0;
  size_t features = 0;
};

/// Drops averaged weights smaller than `min_abs` from the model at `in` and writes it to
/// `out` with its header plus `pruned: <command>`.
Result<PruneCounts> prune_syntax_model(SyntaxModel which, const std::string& in, float min_abs,
                                       const std::string& out, const std::string& command);

/// Sums models of the same data and options trained with other seeds into one score
/// ensemble written to `out`: the first model's header minus its scores, plus every part's
/// command, fingerprint and scores and `combined: <command>`.
Status combine_syntax_models(SyntaxModel which, const std::vector<std::string>& inputs,
                             const std::string& out, const std::string& command);

/// Hierarchical word clusters (bit-string paths) learnt from unlabelled text (.dlc).
struct ClustersTrainOptions {
  // Inputs by format; only their text is read. Plain-text formats are tokenized with
  // dateline's own segmenter, so the clusters see the words the pipeline produces.
  std::vector<std::string> conllu;  ///< CoNLL-U: FORM of every syntactic word
  std::vector<std::string> conll;   ///< CoNLL/IOB: first column; blank line = sentence end
  std::vector<std::string> jsonl;   ///< one JSON object a line; its "text" string
  std::vector<std::string> csv;     ///< CSV with a header row; the "text" column
  std::vector<std::string> xml;     ///< XML/SGML (TimeML): text with tags and entities removed
  int clusters = 256;    ///< flat classes before the hierarchy is built
  int min_count = 2;     ///< rarer words are one <unk> word while clustering, and not stored
  int iterations = 15;   ///< upper bound on exchange passes
  std::string out;       ///< .dlc file to write
  std::string command;   ///< the command line, stored in the header
  TrainingLog log;
};

/// Reads the inputs, clusters the vocabulary and writes options.out.
/// Errors: kNotFound / kIo for unreadable inputs, kInvalidArgument for bad options.
Status train_clusters(const ClustersTrainOptions& options);

/// Word clusters cut from pre-trained word vectors instead of text (.dlc).
struct EmbeddingClustersOptions {
  std::string embeddings;  ///< GloVe/word2vec text, or wink-embeddings JSON
  size_t max_words = 0;    ///< 0 = every word of the file
  int depth = 16;          ///< longest path; deeper nodes are not split
  int min_leaf = 8;        ///< a node with fewer than 2 x min_leaf words is a leaf
  std::string out;         ///< .dlc file to write
  std::string command;     ///< the command line, stored in the header
  TrainingLog log;
};

/// Splits the unit-length vectors top-down (principal direction, refined by 2-means) and
/// writes the path of every word to options.out.
Status train_embedding_clusters(const EmbeddingClustersOptions& options);

/// The sentence boundary model (segmenter.dlsb), learnt from the raw text of UD files.
struct SegmenterTrainOptions {
  std::vector<std::string> train_files;  ///< gold CoNLL-U
  std::vector<std::string> dev_files;    ///< gold CoNLL-U, scored after training
  std::string out;                       ///< model file to write
  int epochs = 10;
  uint32_t hash_bits = 16;  ///< log2 of the weight table size
  uint64_t seed = 1;        ///< shuffles the paragraphs between epochs
  std::string command;      ///< the command line, stored in the header
  TrainingLog log;          ///< paragraphs read, the error rate of each epoch
};

/// Trains, scores the model on every dev file and writes it with those scores in its header.
/// Returns one line of scores per dev file ("FILE: Tokens F1 .. Words F1 .. Sentences F1 ..").
Result<std::vector<std::string>> train_segmenter(const SegmenterTrainOptions& options);

/// The attribution tagger's feature table: 2^20 weights.
inline constexpr uint32_t kAttributionDefaultBits = 20;

/// The attribution tagger (attribution.model) or, when `reranker_out` is set, the
/// content-boundary reranker (content_reranker.model), from PolNeAR-style JSON Lines. Each
/// article is segmented and parsed as the pipeline does it, so the model learns on the
/// features it will see.
struct AttributionTrainOptions {
  std::string train;        ///< training articles (PolNeAR JSON Lines)
  std::string dev;          ///< development articles, scored after every epoch ("" = none)
  std::string out;          ///< the tagger model to write
  std::string models_dir;   ///< folder of the syntax models for the features (required)
  std::string lexicons_dir; ///< folder of attribution.tsv, for the reranker
  bool syntax = true;       ///< false: train without parse features
  int epochs = 8;
  uint32_t bits = kAttributionDefaultBits;  ///< log2 of the feature hash table size
  uint32_t seed = 1;        ///< shuffling seed
  bool content_end_tag = false;  ///< the content-end tag and clause-boundary features
  // The reranker: its training examples come from taggers trained on the other folds.
  std::string reranker_out;  ///< "" trains the tagger instead
  std::string tagger;        ///< tagger scored on dev ("" = MODELS/attribution.model)
  int folds = 2;             ///< jackknife folds over train
  int rounds = 2;            ///< jackknife rounds, each a new split
  int reranker_epochs = 5;
  int reranker_seeds = 3;    ///< the weights of this many shuffling seeds are averaged
  std::string command;       ///< the command line, stored in the header
  TrainingLog log;
};

/// Errors: kInvalidArgument when neither `out` nor `reranker_out` is set; kBadInput naming
/// the file and article for an article that is not valid UTF-8.
Status train_attribution(const AttributionTrainOptions& options);

}  // namespace dateline
