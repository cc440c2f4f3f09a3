// SPDX-License-Identifier: Apache-2.0
#pragma once
// The dense token encoder shared by learned heads, and its heads.
//
// A word becomes the concatenation of hashed embeddings (norm, prefix, suffix, shape: see
// token_features.h), its GloVe vector projected to a few dimensions (zero for words outside
// the vocabulary cut), and two flags. A dense layer with ReLU maps it to `width` numbers;
// then each of `depth` window-3 convolutions adds ReLU(W [h(i-1); h(i); h(i+1)] + b) to h(i)
// (zero vectors beyond the sentence). The result, n x width per sentence, is computed once
// and read by every head; a head is a linear layer from the encoding to its labels' scores.
// Training: tools/encoder/train_ner.py; design and figures: docs/DESIGN.md.
//
// File: a model container (model/model_file.h) of kind kEncoder. Payload (little-endian;
// a table is u32 rows, u32 cols, u64 + int values row-major, u64 + f32 scale per row; a
// layer is an int16 table and u64 + f32 biases):
//   u32 affix bytes; int8 tables norm, prefix, suffix, shape, word vectors;
//   u64 + u64 word keys (model::fnv1a of the norm, ascending), u64 + u32 their rows
//   (1-based, as the training script numbers them: 0 is its "no vector");
//   u32 layer count, the input layer then the convolutions (columns: window -1, 0, +1);
//   u32 head count, each: name, label types (u64 + strings), layer.
// Weights are stored as 8-bit (embeddings) and 16-bit (layers) integers with a scale per
// row; loading turns the layers into floats (a few hundred kB), the embeddings stay 8-bit.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"
#include "encoder/kernels.h"
#include "encoder/token_features.h"
#include "model/model_file.h"

namespace dateline::encoder {

/// A dense layer with float weights, rows padded with zeros to a multiple of 8 inputs.
struct DenseLayer {
  size_t in = 0, in_padded = 0, out = 0;
  std::vector<float> weights;  ///< out x in_padded
  std::vector<float> bias;     ///< out
};

/// A head: a linear layer from the encoding to label scores. NER's labels are O then
/// B, I, L, U for each of `types` (1 + 4 x types).
struct EncoderHead {
  std::string name;
  std::vector<std::string> types;
  DenseLayer layer;
};

/// Immutable after loading; encode() and scores() are const and thread-safe.
class TokenEncoder {
 public:
  TokenEncoder() = default;

  /// Reads a model file: kNotFound when missing, kDataLoss when damaged, of another kind or
  /// format version, or inconsistent (message names the file).
  static Result<TokenEncoder> load(const std::string& path);
  static Result<TokenEncoder> parse(std::string_view bytes, const std::string& name);

  /// The features of each word of a sentence (words as written, in order).
  std::vector<WordFeatures> features(std::span<const std::string_view> words) const;
  /// Row of the word-vector table of a norm hash, or -1 outside the vocabulary.
  int64_t vector_row(uint64_t norm_hash) const;

  /// The encoding of a sentence: words.size() x width() floats, row-major, into `out`.
  void encode(std::span<const std::string_view> words, std::vector<float>& out) const;
  /// Scores of `head` for each row of an encoding: rows x head.layer.out into `out`.
  void scores(const EncoderHead& head, std::span<const float> encoding,
              std::vector<float>& out) const;

  size_t width() const { return width_; }
  /// The head called `name`, or nullptr.
  const EncoderHead* head(std::string_view name) const;

  const model::ModelHeader& header() const { return header_; }
  const std::string& fingerprint() const { return fingerprint_; }
  bool empty() const { return layers_.empty(); }

  /// The kernel build in use (detected_isa() at load); tests set both in turn.
  Isa isa() const { return isa_; }
  void set_isa(Isa isa) { isa_ = isa; }

 private:
  static Result<TokenEncoder> parse_payload(std::string_view payload, const std::string& name);

  struct Table {
    uint32_t rows = 0, cols = 0;
    std::vector<int8_t> values;
    std::vector<float> scales;
    void add_row(uint32_t row, float* out) const;
  };
  Table norm_, prefix_, suffix_, shape_, vectors_;
  std::vector<uint64_t> vector_keys_;  // ascending
  std::vector<uint32_t> vector_rows_;  // row of vectors_ per key
  FeatureSizes sizes_;
  std::vector<DenseLayer> layers_;     // input layer, then the convolutions
  std::vector<EncoderHead> heads_;
  size_t width_ = 0;
  Isa isa_ = Isa::kPortable;
  model::ModelHeader header_;
  std::string fingerprint_;
};

}  // namespace dateline::encoder
