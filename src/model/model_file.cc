// SPDX-License-Identifier: Apache-2.0
#include "model/model_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "model/hash.h"

namespace dateline::model {

const char* model_kind_name(uint32_t kind) {
  switch (static_cast<ModelKind>(kind)) {
    case ModelKind::kTagger:
      return "tagger";
    case ModelKind::kParser:
      return "parser";
    case ModelKind::kSegmenter:
      return "segmenter";
    case ModelKind::kNer:
      return "ner";
    case ModelKind::kAttribution:
      return "attribution";
    case ModelKind::kContentReranker:
      return "content-reranker";
    case ModelKind::kClusters:
      return "clusters";
    case ModelKind::kEventTriggers:
      return "event-triggers";
    case ModelKind::kEncoder:
      return "encoder";
  }
  return "unknown";
}

std::string header_value(const ModelHeader& header, std::string_view key) {
  for (const auto& [k, v] : header) {
    if (k == key) return v;
  }
  return "";
}

void set_header_value(ModelHeader& header, std::string_view key, std::string value) {
  for (auto& [k, v] : header) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  header.emplace_back(std::string(key), std::move(value));
}

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
  const uint64_t sum = fnv1a(out);
  out.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  return out;
}

std::string encoded_fingerprint(std::string_view encoded) {
  uint64_t sum = 0;
  if (encoded.size() >= sizeof sum) {
    std::memcpy(&sum, encoded.data() + encoded.size() - sizeof sum, sizeof sum);
  }
  return hex16(sum);
}

namespace {

Result<ModelFile> decode(std::string_view bytes, std::optional<ModelKind> expected,
                         const std::string& name) {
  ByteReader r(bytes, name);
  char magic[8];
  for (char& c : magic) DL_RETURN_IF_ERROR(r.get(&c, "magic"));
  if (std::memcmp(magic, kModelMagic, sizeof magic) != 0) {
    return r.corrupt("not a dateline model file (wrong magic number)");
  }
  ModelFile m;
  DL_RETURN_IF_ERROR(r.get(&m.version, "format version"));
  if (m.version != kModelFormatVersion) {
    return error(ErrorCode::kDataLoss,
                 name + ": model format version " + std::to_string(m.version) +
                     " is not supported (this dateline reads version " +
                     std::to_string(kModelFormatVersion) +
                     (m.version > kModelFormatVersion ? "); upgrade dateline"
                                                      : "); retrain it (models/README.md)"));
  }
  uint32_t kind = 0;
  DL_RETURN_IF_ERROR(r.get(&kind, "model kind"));
  if (std::string_view(model_kind_name(kind)) == "unknown") {
    return r.corrupt("unknown model kind " + std::to_string(kind));
  }
  if (expected && kind != static_cast<uint32_t>(*expected)) {
    return r.corrupt("model kind is " + std::string(model_kind_name(kind)) + " (" +
                     std::to_string(kind) + "), expected " + model_kind_name(*expected) + " (" +
                     std::to_string(static_cast<uint32_t>(*expected)) + ")");
  }
  m.kind = static_cast<ModelKind>(kind);
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
  const size_t consumed = r.pos();  // the payload starts here; the checksum follows it
  if (bytes.size() - consumed < sizeof(uint64_t) ||
      bytes.size() - consumed - sizeof(uint64_t) < size) {
    return error(ErrorCode::kDataLoss, name + ": truncated model: payload of " +
                                           std::to_string(size) + " bytes is incomplete");
  }
  if (bytes.size() - consumed - sizeof(uint64_t) != size) {
    return r.corrupt("trailing bytes after the checksum");
  }
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + consumed + size, sizeof stored);
  const uint64_t actual = fnv1a(bytes.substr(0, consumed + size));
  if (stored != actual) return r.corrupt("checksum mismatch (file damaged)");
  m.payload.assign(bytes.data() + consumed, size);
  m.fingerprint = hex16(actual);
  return m;
}

}  // namespace

Result<std::string> read_model_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(ErrorCode::kNotFound, path + ": model file not found");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return error(ErrorCode::kIo, path + ": read failed");
  return bytes;
}

Result<ModelFile> decode_model(std::string_view bytes, ModelKind expected,
                               const std::string& name) {
  return decode(bytes, expected, name);
}

Result<ModelFile> decode_any_model(std::string_view bytes, const std::string& name) {
  return decode(bytes, std::nullopt, name);
}

Status write_model_file(const std::string& path, ModelKind kind, const ModelHeader& header,
                        std::string_view payload) {
  return write_encoded_model(path, encode_model(kind, header, payload));
}

Status write_encoded_model(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return error(ErrorCode::kIo, path + ": cannot open for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return error(ErrorCode::kIo, path + ": write failed");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return error(ErrorCode::kIo, path + ": cannot replace: " + ec.message());
  }
  return ok_status();
}

Result<ModelFile> read_model_file(const std::string& path, ModelKind expected) {
  DL_ASSIGN_OR_RETURN(std::string bytes, read_model_bytes(path));
  return decode_model(bytes, expected, path);
}

Result<ModelFile> read_any_model_file(const std::string& path) {
  DL_ASSIGN_OR_RETURN(std::string bytes, read_model_bytes(path));
  return decode_any_model(bytes, path);
}

}  // namespace dateline::model
