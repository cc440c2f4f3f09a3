// SPDX-License-Identifier: Apache-2.0
#pragma once
// A trained sentence-boundary classifier: an averaged perceptron over hashed features of the
// words around each word boundary of a paragraph, with the rules' verdict as one feature.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"
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
  static constexpr uint32_t kMagic = 0x42534C44;  // "DLSB" little-endian
  static constexpr uint32_t kVersion = 1;

  BoundaryModel() = default;

  /// Reads a model file. Rejects other magic numbers and versions newer than kVersion
  /// (kDataLoss), and missing files (kNotFound).
  static Result<BoundaryModel> load(const std::string& path);
  Status save(const std::string& path) const;

  /// Trains on `examples`; `progress`, when set, is called after each epoch with the epoch
  /// number and the training error rate.
  static BoundaryModel train(std::vector<BoundaryExample>& examples,
                             const BoundaryTrainOptions& options,
                             void (*progress)(int epoch, double error_rate) = nullptr);

  bool empty() const { return weights_.empty(); }

  /// Content hash of the weights (16 hex digits), for the pipeline's fingerprint.
  std::string fingerprint() const;

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
  // Score of a boundary after word i given the words since the last boundary.
  float score(const Context& c, std::span<const RawToken> tokens, size_t i, size_t since,
              uint32_t* features, size_t* count) const;

  uint32_t bits_ = 0;
  std::vector<float> weights_;
};

/// Computes the rule verdict for every word of a paragraph (kBeforeCloser for a mark whose
/// sentence extends over attached closers). `out` is resized to tokens.size().
void rule_verdicts(std::string_view text, std::span<const RawToken> tokens,
                   std::vector<BoundaryRule>& out);

}  // namespace dateline::segment
