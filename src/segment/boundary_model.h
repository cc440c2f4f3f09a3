// SPDX-License-Identifier: Apache-2.0
#pragma once
// A trained sentence-boundary classifier: an averaged perceptron over hashed features of the
// words around each word boundary of a paragraph, with the rules' verdict as one feature.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"
#include "model/model_file.h"
#include "model/perceptron.h"
#include "segment/tokenizer.h"

namespace dateline::segment {

/// What the hand-written rules say about the boundary after a word (sentence_splitter.cc).
enum class BoundaryRule : uint8_t {
  kNone,                ///< not a sentence-final mark
  kTerminal,            ///< . ! ? … followed by a capital, digit or opening quote
  kWeakTerminal,        ///< a terminal mark followed by a lower-case word
  kContinue,            ///< a mark the rules know does not end a sentence here ("Gen.")
  kInitial,             ///< an initial ("J.")
  kAbbreviation,        ///< another abbreviation followed by a capital ("U.S. Army")
  kAbbreviationOpener,  ///< an abbreviation followed by a usual sentence opener
  kEnd,                 ///< the mark (with its closers) ends the paragraph
  kBeforeCloser,        ///< a mark whose attached closing quote/bracket follows
};

/// The rules' verdict on the boundary after word `i`. `*last` receives the index of the last
/// word of the sentence if it ends there (the mark plus any attached closing quotes).
BoundaryRule rule_at(std::string_view text, std::span<const RawToken> tokens, size_t i,
                     size_t* last);

/// One paragraph with its words and, for training, the gold decision after each word.
struct BoundaryExample {
  std::string_view text;          ///< the whole text the spans refer to
  std::vector<RawToken> tokens;   ///< the tokenizer's words of one paragraph
  std::vector<uint8_t> gold_end;  ///< 1 where a gold sentence ends after the word
};

struct BoundaryTrainOptions {
  int epochs = 10;
  uint32_t hash_bits = 16;  ///< 2^16 weights (256 KB) stay in cache; more gains nothing
  uint64_t seed = 1;        ///< shuffles the paragraphs between epochs
};

/// Immutable once loaded or trained: split() is const and thread-safe (its per-paragraph
/// scratch arrays are thread_local).
class BoundaryModel {
 public:
  BoundaryModel() = default;
  /// A model of `bits`-bit feature buckets whose one-class weight table is keyed by bucket
  /// + 1 (a score above 0 ends a sentence).
  BoundaryModel(uint32_t bits, model::Weights weights, model::ModelHeader header);

  /// Reads a model file (model/model_file.h, kind kSegmenter). kNotFound when missing,
  /// kDataLoss when it is not a segmenter model, of another format version, or damaged.
  static Result<BoundaryModel> load(const std::string& path);
  static Result<BoundaryModel> from_model(const model::ModelFile& file, const std::string& name);
  /// Writes the model with its header (set_header(): training command, data, scores).
  Status save(const std::string& path);

  /// Trains on `examples`; `progress`, when set, is called after each epoch with the epoch
  /// number and the training error rate.
  static BoundaryModel train(std::vector<BoundaryExample>& examples,
                             const BoundaryTrainOptions& options,
                             const std::function<void(int epoch, double error_rate)>& progress =
                                 {});

  bool empty() const { return bits_ == 0; }
  const model::ModelHeader& header() const { return header_; }
  void set_header(model::ModelHeader header) { header_ = std::move(header); }

  /// The model file's fingerprint (16 hex digits), for the pipeline's fingerprint; that of
  /// the file it would write when it was trained in memory.
  std::string fingerprint() const;

  /// The payload of the model file: u32 hash bits, then the weight table.
  void save_payload(model::ByteWriter& w) const;

  /// Same contract as split_sentences(): appends sentence ends for one paragraph.
  void split(std::string_view text, std::span<const RawToken> tokens,
             std::vector<uint32_t>& ends) const;

 private:
  // Per-paragraph values computed once per word: rule verdict, form hash, shape.
  struct Context {
    std::vector<BoundaryRule> rules;
    std::vector<uint64_t> forms;
    std::vector<uint32_t> shapes;
    void fill(std::string_view text, std::span<const RawToken> tokens);
  };
  // The feature keys (bucket + 1) of a boundary after word i given the words since the
  // last boundary; returns how many.
  size_t features(const Context& c, std::span<const RawToken> tokens, size_t i, size_t since,
                  uint64_t* keys) const;

  uint32_t bits_ = 0;
  model::Weights weights_;
  model::ModelHeader header_;
  std::string fingerprint_;  ///< of the file read or written; "" after training
};

/// Computes the rule verdict for every word of a paragraph (kBeforeCloser for a mark whose
/// sentence extends over attached closers). `out` is resized to tokens.size().
void rule_verdicts(std::string_view text, std::span<const RawToken> tokens,
                   std::vector<BoundaryRule>& out);

}  // namespace dateline::segment
