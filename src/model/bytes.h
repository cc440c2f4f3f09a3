// SPDX-License-Identifier: Apache-2.0
#pragma once
// The byte writer and reader of every model file. Values are written in little-endian order
// (the native order of every machine dateline builds for; the static_assert below stops a
// build where it is not). Strings are u32 length + bytes; vectors of plain values are u64
// count + raw bytes; vectors of strings are u64 count + strings.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "dateline/status.h"

namespace dateline::model {

static_assert(std::endian::native == std::endian::little,
              "model files are little-endian; a big-endian build needs byte swapping here");

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
  template <typename T, typename Alloc>
  void put_vector(const std::vector<T, Alloc>& v) {
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
/// the file, `what` and the offset) instead of reading past the end.
class ByteReader {
 public:
  /// `bytes` must outlive the reader; `name` (usually the file path) starts every message.
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
    static_assert(std::is_trivially_copyable_v<T>);
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
  size_t pos() const { return pos_; }
  const std::string& name() const { return name_; }
  /// kDataLoss "<name>: corrupt model: <why>".
  Status corrupt(const std::string& why) const;

 private:
  Status truncated(const char* what) const;
  std::string_view bytes_;
  size_t pos_ = 0;
  std::string name_;
};

}  // namespace dateline::model
