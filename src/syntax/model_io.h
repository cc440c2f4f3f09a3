// SPDX-License-Identifier: Apache-2.0
#pragma once
// The binary container of dateline's trained models (models/*.dlm).
//
// Layout (all integers little-endian):
//   "DLMODEL\0"            8-byte magic
//   u32 format version     loaders reject versions newer than kModelFormatVersion
//   u32 kind               ModelKind: which component the payload belongs to
//   u32 n, n x (str key, str value)   header: training command, data, scores, ...
//   u64 payload size, payload bytes   component-specific (see tagger.cc, parser.cc)
//   u64 FNV-1a of every byte above    detects truncation and corruption; its hex form is the
//                                     model's fingerprint
// Strings are u32 length + bytes. Vectors of plain values are u64 count + raw bytes.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "dateline/status.h"

namespace dateline::syntax {

inline constexpr char kModelMagic[8] = {'D', 'L', 'M', 'O', 'D', 'E', 'L', '\0'};
inline constexpr uint32_t kModelFormatVersion = 1;

enum class ModelKind : uint32_t { kTagger = 1, kParser = 2, kEventTriggers = 3 };

/// Appends plain values to a byte buffer.
class ByteWriter {
 public:
  template <typename T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const char* p = reinterpret_cast<const char*>(&v);
    bytes_.append(p, sizeof(T));
  }
  void put_string(std::string_view s) {
    put(static_cast<uint32_t>(s.size()));
    bytes_.append(s.data(), s.size());
  }
  template <typename T>
  void put_vector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    put(static_cast<uint64_t>(v.size()));
    bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put_strings(const std::vector<std::string>& v) {
    put(static_cast<uint64_t>(v.size()));
    for (const auto& s : v) put_string(s);
  }
  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

/// Reads plain values back with bounds checks; every getter fails with kDataLoss (naming
/// `what` and the offset) instead of reading past the end.
class ByteReader {
 public:
  ByteReader(std::string_view bytes, std::string name) : bytes_(bytes), name_(std::move(name)) {}

  template <typename T>
  Status get(T* v, const char* what) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (bytes_.size() - pos_ < sizeof(T)) return truncated(what);
    std::memcpy(v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return ok_status();
  }
  Status get_string(std::string* s, const char* what);
  template <typename T>
  Status get_vector(std::vector<T>* v, const char* what) {
    uint64_t n = 0;
    DL_RETURN_IF_ERROR(get(&n, what));
    if (n > (bytes_.size() - pos_) / sizeof(T)) return truncated(what);
    v->resize(n);
    if (n) std::memcpy(v->data(), bytes_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return ok_status();
  }
  Status get_strings(std::vector<std::string>* v, const char* what);
  bool at_end() const { return pos_ == bytes_.size(); }
  Status corrupt(const std::string& why) const;

 private:
  Status truncated(const char* what) const;
  std::string_view bytes_;
  size_t pos_ = 0;
  std::string name_;
};

/// A model file's header: ordered (key, value) pairs such as ("command", "dateline train ...").
using ModelHeader = std::vector<std::pair<std::string, std::string>>;

/// Value of `key` in `header`, "" when absent.
std::string header_value(const ModelHeader& header, std::string_view key);

/// Serialises a whole model file into bytes.
std::string encode_model(ModelKind kind, const ModelHeader& header, std::string_view payload);

/// A decoded model file. `payload` is a copy of the component's bytes.
struct ModelFile {
  ModelKind kind = ModelKind::kTagger;
  uint32_t version = 0;
  ModelHeader header;
  std::string payload;
  std::string fingerprint;  ///< 16 hex digits of the trailing checksum
};

/// Decodes bytes produced by encode_model(). Fails with kDataLoss on a wrong magic, a format
/// version newer than kModelFormatVersion, a kind other than `expected`, truncation or a
/// checksum mismatch; `name` (usually the path) prefixes every message.
Result<ModelFile> decode_model(std::string_view bytes, ModelKind expected, const std::string& name);

/// Writes encode_model() output to `path` (kIo on failure).
Status write_model_file(const std::string& path, ModelKind kind, const ModelHeader& header,
                        std::string_view payload);

/// Reads and decodes `path`; kNotFound when the file does not exist.
Result<ModelFile> read_model_file(const std::string& path, ModelKind expected);

}  // namespace dateline::syntax
