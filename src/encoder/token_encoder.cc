// SPDX-License-Identifier: Apache-2.0
// Loading and running the token encoder (design in token_encoder.h). A sentence is encoded
// in three matrices reused from layer to layer: the input rows, the current encoding, and
// the windows of three neighbouring rows a convolution reads. All arithmetic is in the
// kernels of kernels.h or element-wise, so both kernel builds give the same bits.
#include "encoder/token_encoder.h"

#include <algorithm>
#include <cstring>

#include "model/bytes.h"

namespace dateline::encoder {
namespace {

constexpr size_t kFlagColumns = 2;

size_t padded(size_t n) { return (n + 7) / 8 * 8; }

template <typename Int>
Status read_table(model::ByteReader& r, const std::string& name, const char* what,
                  uint32_t* rows, uint32_t* cols, std::vector<Int>* values,
                  std::vector<float>* scales) {
  DL_RETURN_IF_ERROR(r.get(rows, what));
  DL_RETURN_IF_ERROR(r.get(cols, what));
  DL_RETURN_IF_ERROR(r.get_vector(values, what));
  DL_RETURN_IF_ERROR(r.get_vector(scales, what));
  if (*rows == 0 || *cols == 0 || values->size() != static_cast<size_t>(*rows) * *cols ||
      scales->size() != *rows) {
    return error(ErrorCode::kDataLoss, name + ": " + what + ": inconsistent table sizes");
  }
  return ok_status();
}

Status read_layer(model::ByteReader& r, const std::string& name, const char* what,
                  DenseLayer* layer) {
  uint32_t rows = 0, cols = 0;
  std::vector<int16_t> values;
  std::vector<float> scales;
  DL_RETURN_IF_ERROR(read_table(r, name, what, &rows, &cols, &values, &scales));
  DL_RETURN_IF_ERROR(r.get_vector(&layer->bias, what));
  if (layer->bias.size() != rows)
    return error(ErrorCode::kDataLoss, name + ": " + what + ": bias size differs from rows");
  layer->in = cols;
  layer->in_padded = padded(cols);
  layer->out = rows;
  layer->weights.assign(layer->out * layer->in_padded, 0.0f);
  for (size_t o = 0; o < rows; ++o)
    for (size_t j = 0; j < cols; ++j)
      layer->weights[o * layer->in_padded + j] =
          static_cast<float>(values[o * cols + j]) * scales[o];
  return ok_status();
}

}  // namespace

void TokenEncoder::Table::add_row(uint32_t row, float* out) const {
  const int8_t* v = &values[static_cast<size_t>(row) * cols];
  const float s = scales[row];
  for (uint32_t j = 0; j < cols; ++j) out[j] = static_cast<float>(v[j]) * s;
}

Result<TokenEncoder> TokenEncoder::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file, model::read_model_file(path, model::ModelKind::kEncoder));
  TokenEncoder e;
  DL_ASSIGN_OR_RETURN(e, parse_payload(file.payload, path));
  e.header_ = std::move(file.header);
  e.fingerprint_ = std::move(file.fingerprint);
  return e;
}

Result<TokenEncoder> TokenEncoder::parse(std::string_view bytes, const std::string& name) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::decode_model(bytes, model::ModelKind::kEncoder, name));
  TokenEncoder e;
  DL_ASSIGN_OR_RETURN(e, parse_payload(file.payload, name));
  e.header_ = std::move(file.header);
  e.fingerprint_ = std::move(file.fingerprint);
  return e;
}

Result<TokenEncoder> TokenEncoder::parse_payload(std::string_view payload,
                                                 const std::string& name) {
  TokenEncoder e;
  model::ByteReader r(payload, name);
  DL_RETURN_IF_ERROR(r.get(&e.sizes_.affix_bytes, "affix bytes"));
  struct Named {
    Table* table;
    const char* what;
  };
  for (const Named& t : {Named{&e.norm_, "norm table"}, Named{&e.prefix_, "prefix table"},
                         Named{&e.suffix_, "suffix table"}, Named{&e.shape_, "shape table"},
                         Named{&e.vectors_, "word-vector table"}}) {
    DL_RETURN_IF_ERROR(read_table(r, name, t.what, &t.table->rows, &t.table->cols,
                                  &t.table->values, &t.table->scales));
  }
  if (e.prefix_.rows != e.suffix_.rows)
    return error(ErrorCode::kDataLoss, name + ": prefix and suffix tables differ in size");
  e.sizes_.norm = e.norm_.rows;
  e.sizes_.affix = e.prefix_.rows;
  e.sizes_.shape = e.shape_.rows;
  DL_RETURN_IF_ERROR(r.get_vector(&e.vector_keys_, "word keys"));
  DL_RETURN_IF_ERROR(r.get_vector(&e.vector_rows_, "word rows"));
  if (e.vector_rows_.size() != e.vector_keys_.size() ||
      !std::is_sorted(e.vector_keys_.begin(), e.vector_keys_.end())) {
    return error(ErrorCode::kDataLoss, name + ": word keys unsorted or without rows");
  }
  for (uint32_t& row : e.vector_rows_) {
    if (row == 0 || row > e.vectors_.rows)
      return error(ErrorCode::kDataLoss, name + ": word row out of range");
    --row;
  }
  uint32_t layers = 0;
  DL_RETURN_IF_ERROR(r.get(&layers, "layer count"));
  if (layers == 0 || layers > 64) return error(ErrorCode::kDataLoss, name + ": bad layer count");
  e.layers_.resize(layers);
  for (DenseLayer& layer : e.layers_) DL_RETURN_IF_ERROR(read_layer(r, name, "layer", &layer));
  e.width_ = e.layers_[0].out;
  const size_t input = e.norm_.cols + e.prefix_.cols + e.suffix_.cols + e.shape_.cols +
                       e.vectors_.cols + kFlagColumns;
  if (e.layers_[0].in != input || e.width_ % 8 != 0)
    return error(ErrorCode::kDataLoss, name + ": input layer does not fit the embeddings");
  for (size_t k = 1; k < layers; ++k) {
    if (e.layers_[k].in != 3 * e.width_ || e.layers_[k].out != e.width_)
      return error(ErrorCode::kDataLoss, name + ": convolution " + std::to_string(k) +
                                             " does not fit the width");
  }
  uint32_t heads = 0;
  DL_RETURN_IF_ERROR(r.get(&heads, "head count"));
  if (heads > 64) return error(ErrorCode::kDataLoss, name + ": bad head count");
  e.heads_.resize(heads);
  for (EncoderHead& h : e.heads_) {
    DL_RETURN_IF_ERROR(r.get_string(&h.name, "head name"));
    DL_RETURN_IF_ERROR(r.get_strings(&h.types, "head types"));
    DL_RETURN_IF_ERROR(read_layer(r, name, "head", &h.layer));
    if (h.layer.in != e.width_)
      return error(ErrorCode::kDataLoss, name + ": head " + h.name + " does not fit the width");
  }
  if (!r.at_end()) return error(ErrorCode::kDataLoss, name + ": bytes after the last head");
  e.isa_ = detected_isa();
  return e;
}

std::vector<WordFeatures> TokenEncoder::features(std::span<const std::string_view> words) const {
  std::vector<WordFeatures> out;
  out.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) out.push_back(word_features(words[i], i == 0, sizes_));
  return out;
}

int64_t TokenEncoder::vector_row(uint64_t norm_hash) const {
  auto it = std::lower_bound(vector_keys_.begin(), vector_keys_.end(), norm_hash);
  if (it == vector_keys_.end() || *it != norm_hash) return -1;
  return vector_rows_[static_cast<size_t>(it - vector_keys_.begin())];
}

void TokenEncoder::encode(std::span<const std::string_view> words, std::vector<float>& out) const {
  const size_t n = words.size();
  const size_t w = width_;
  out.assign(n * w, 0.0f);
  if (n == 0 || empty()) return;
  // Input rows: the embeddings side by side, then the flags, zero-padded to 8.
  const DenseLayer& first = layers_[0];
  std::vector<float> input(n * first.in_padded, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    const WordFeatures f = word_features(words[i], i == 0, sizes_);
    float* x = &input[i * first.in_padded];
    norm_.add_row(f.norm, x);
    x += norm_.cols;
    prefix_.add_row(f.prefix, x);
    x += prefix_.cols;
    suffix_.add_row(f.suffix, x);
    x += suffix_.cols;
    shape_.add_row(f.shape, x);
    x += shape_.cols;
    if (const int64_t row = vector_row(f.norm_hash); row >= 0)
      vectors_.add_row(static_cast<uint32_t>(row), x);
    x += vectors_.cols;
    x[0] = (f.flags & kWordCapitalized) ? 1.0f : 0.0f;
    x[1] = (f.flags & kWordFirst) ? 1.0f : 0.0f;
  }
  dense(isa_, input.data(), n, first.in_padded, first.weights.data(), first.bias.data(), w,
        out.data());
  for (float& v : out) v = std::max(v, 0.0f);
  // Convolutions: windows [h(i-1); h(i); h(i+1)], zero beyond the sentence.
  std::vector<float> windows(n * 3 * w, 0.0f), z(n * w);
  for (size_t k = 1; k < layers_.size(); ++k) {
    std::fill(windows.begin(), windows.end(), 0.0f);
    for (size_t i = 0; i < n; ++i) {
      float* row = &windows[i * 3 * w];
      if (i > 0) std::memcpy(row, &out[(i - 1) * w], w * sizeof(float));
      std::memcpy(row + w, &out[i * w], w * sizeof(float));
      if (i + 1 < n) std::memcpy(row + 2 * w, &out[(i + 1) * w], w * sizeof(float));
    }
    const DenseLayer& layer = layers_[k];
    dense(isa_, windows.data(), n, layer.in_padded, layer.weights.data(), layer.bias.data(), w,
          z.data());
    for (size_t j = 0; j < n * w; ++j) out[j] = out[j] + std::max(z[j], 0.0f);
  }
}

void TokenEncoder::scores(const EncoderHead& head, std::span<const float> encoding,
                          std::vector<float>& out) const {
  const size_t n = width_ ? encoding.size() / width_ : 0;
  out.assign(n * head.layer.out, 0.0f);
  if (n == 0) return;
  dense(isa_, encoding.data(), n, head.layer.in_padded, head.layer.weights.data(),
        head.layer.bias.data(), head.layer.out, out.data());
}

const EncoderHead* TokenEncoder::head(std::string_view name) const {
  for (const EncoderHead& h : heads_)
    if (h.name == name) return &h;
  return nullptr;
}

}  // namespace dateline::encoder
