// SPDX-License-Identifier: Apache-2.0
#include "syntax/model_io.h"

#include <cstdio>
#include <fstream>
#include <iterator>

#include "syntax/hashing.h"

namespace dateline::syntax {

Status ByteReader::truncated(const char* what) const {
  return error(ErrorCode::kDataLoss, name_ + ": truncated model: cannot read " + what +
                                         " at byte " + std::to_string(pos_));
}

Status ByteReader::corrupt(const std::string& why) const {
  return error(ErrorCode::kDataLoss, name_ + ": corrupt model: " + why);
}

Status ByteReader::get_string(std::string* s, const char* what) {
  uint32_t n = 0;
  DL_RETURN_IF_ERROR(get(&n, what));
  if (n > bytes_.size() - pos_) return truncated(what);
  s->assign(bytes_.data() + pos_, n);
  pos_ += n;
  return ok_status();
}

Status ByteReader::get_strings(std::vector<std::string>* v, const char* what) {
  uint64_t n = 0;
  DL_RETURN_IF_ERROR(get(&n, what));
  if (n > bytes_.size() - pos_) return truncated(what);  // each string takes >= 4 bytes
  v->resize(n);
  for (auto& s : *v) DL_RETURN_IF_ERROR(get_string(&s, what));
  return ok_status();
}

std::string header_value(const ModelHeader& header, std::string_view key) {
  for (const auto& [k, v] : header) {
    if (k == key) return v;
  }
  return "";
}

namespace {

uint64_t checksum(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex16(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::string encode_model(ModelKind kind, const ModelHeader& header, std::string_view payload) {
  ByteWriter w;
  for (char c : kModelMagic) w.put(c);
  w.put(kModelFormatVersion);
  w.put(static_cast<uint32_t>(kind));
  w.put(static_cast<uint32_t>(header.size()));
  for (const auto& [k, v] : header) {
    w.put_string(k);
    w.put_string(v);
  }
  w.put(static_cast<uint64_t>(payload.size()));
  std::string out = w.take();
  out.append(payload.data(), payload.size());
  uint64_t sum = checksum(out);
  out.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  return out;
}

Result<ModelFile> decode_model(std::string_view bytes, ModelKind expected,
                               const std::string& name) {
  ByteReader r(bytes, name);
  char magic[8];
  for (char& c : magic) DL_RETURN_IF_ERROR(r.get(&c, "magic"));
  if (std::memcmp(magic, kModelMagic, sizeof magic) != 0) {
    return r.corrupt("not a dateline model file (wrong magic number)");
  }
  ModelFile m;
  DL_RETURN_IF_ERROR(r.get(&m.version, "format version"));
  if (m.version == 0 || m.version > kModelFormatVersion) {
    return error(ErrorCode::kDataLoss,
                 name + ": model format version " + std::to_string(m.version) +
                     " is not supported (this dateline reads versions 1.." +
                     std::to_string(kModelFormatVersion) + "); retrain or upgrade dateline");
  }
  uint32_t kind = 0;
  DL_RETURN_IF_ERROR(r.get(&kind, "model kind"));
  if (kind != static_cast<uint32_t>(expected)) {
    return r.corrupt("model kind " + std::to_string(kind) + " where " +
                     std::to_string(static_cast<uint32_t>(expected)) + " was expected");
  }
  m.kind = expected;
  uint32_t n = 0;
  DL_RETURN_IF_ERROR(r.get(&n, "header size"));
  for (uint32_t i = 0; i < n; ++i) {
    std::string k, v;
    DL_RETURN_IF_ERROR(r.get_string(&k, "header key"));
    DL_RETURN_IF_ERROR(r.get_string(&v, "header value"));
    m.header.emplace_back(std::move(k), std::move(v));
  }
  uint64_t size = 0;
  DL_RETURN_IF_ERROR(r.get(&size, "payload size"));
  // The payload starts right after the header; the checksum follows it.
  size_t consumed = 8 + 4 + 4 + 4 + 8;
  for (const auto& [k, v] : m.header) consumed += 8 + k.size() + v.size();
  if (bytes.size() < consumed || bytes.size() - consumed < size + sizeof(uint64_t)) {
    return error(ErrorCode::kDataLoss, name + ": truncated model: payload of " +
                                           std::to_string(size) + " bytes is incomplete");
  }
  if (bytes.size() - consumed != size + sizeof(uint64_t)) {
    return r.corrupt("trailing bytes after the checksum");
  }
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + consumed + size, sizeof stored);
  uint64_t actual = checksum(bytes.substr(0, consumed + size));
  if (stored != actual) return r.corrupt("checksum mismatch (file damaged)");
  m.payload.assign(bytes.data() + consumed, size);
  m.fingerprint = hex16(actual);
  return m;
}

Status write_model_file(const std::string& path, ModelKind kind, const ModelHeader& header,
                        std::string_view payload) {
  std::string bytes = encode_model(kind, header, payload);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return error(ErrorCode::kIo, path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return error(ErrorCode::kIo, path + ": write failed");
  return ok_status();
}

Result<ModelFile> read_model_file(const std::string& path, ModelKind expected) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(ErrorCode::kNotFound, path + ": model file not found");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return decode_model(bytes, expected, path);
}

}  // namespace dateline::syntax
