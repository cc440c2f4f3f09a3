// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one container of dateline's trained models (every file in models/).
//
// Layout (all integers little-endian, see bytes.h):
//   "DLMODEL\0"            8-byte magic
//   u32 format version     loaders reject other versions than kModelFormatVersion: newer
//                          ones are unknown, older ones have other payload layouts
//   u32 kind               ModelKind: which component the payload belongs to; loaders
//                          reject a file of another kind, naming both
//   u32 n, n x (str key, str value)   header: training command, data, seed, scores, ...
//   u64 payload size, payload bytes   component-specific (the component's save_payload())
//   u64 FNV-1a of every byte above    detects truncation and corruption; its hex form is the
//                                     model's fingerprint
// Strings are u32 length + bytes.
//
// The header is free text for people (`dateline models` prints it) plus the few keys a
// loader reads (e.g. "clusters", the fingerprint of the word clusters a model was trained
// with). The payload version is the container's: any change of any payload layout bumps
// kModelFormatVersion, and `dateline models` says which files are out of date.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/status.h"
#include "model/bytes.h"

namespace dateline::model {

inline constexpr char kModelMagic[8] = {'D', 'L', 'M', 'O', 'D', 'E', 'L', '\0'};
/// 2: every model in the container (tagger and parser were alone in version 1) and weight
/// tables with a layout byte (perceptron.h).
inline constexpr uint32_t kModelFormatVersion = 2;

/// Which component a model file belongs to. The values are stored in files: never reuse one.
enum class ModelKind : uint32_t {
  kTagger = 1,           ///< syntax: POS tagger, FEATS classifier, lemmatizer
  kParser = 2,           ///< syntax: dependency parser
  kSegmenter = 3,        ///< segment: sentence-boundary model
  kNer = 4,              ///< entities: named-entity tagger
  kAttribution = 5,      ///< quotes: attribution tagger (source, cue, content)
  kContentReranker = 6,  ///< quotes: content-boundary reranker
  kClusters = 7,         ///< clusters: word -> cluster path table
  kEventTriggers = 8,    ///< events: trigger model (event or not, PLOVER type, CAMEO code)
  kEncoder = 9,          ///< encoder: dense token encoder and its heads (NER)
};

/// "tagger", "parser", ...; "unknown" for a value no kind has.
const char* model_kind_name(uint32_t kind);
inline const char* model_kind_name(ModelKind kind) {
  return model_kind_name(static_cast<uint32_t>(kind));
}

/// A model file's header: ordered (key, value) pairs such as ("command", "dateline train ...").
using ModelHeader = std::vector<std::pair<std::string, std::string>>;

/// Header keys every trainer writes.
inline constexpr const char* kHeaderCommand = "command";  ///< the exact training command line
inline constexpr const char* kHeaderData = "data";        ///< the corpora it was trained on
inline constexpr const char* kHeaderSeed = "seed";        ///< the random seed
inline constexpr const char* kHeaderScores = "scores";    ///< dev scores at training time

/// Value of `key` in `header`, "" when absent.
std::string header_value(const ModelHeader& header, std::string_view key);
/// Sets `key` (replacing its first occurrence, else appending).
void set_header_value(ModelHeader& header, std::string_view key, std::string value);

/// Serialises a whole model file into bytes.
std::string encode_model(ModelKind kind, const ModelHeader& header, std::string_view payload);
/// The fingerprint (16 hex digits of the trailing checksum) of encode_model() output.
std::string encoded_fingerprint(std::string_view encoded);

/// A decoded model file. `payload` is a copy of the component's bytes.
struct ModelFile {
  ModelKind kind = ModelKind::kTagger;
  uint32_t version = 0;
  ModelHeader header;
  std::string payload;
  std::string fingerprint;  ///< 16 hex digits of the trailing checksum
};

/// Decodes bytes produced by encode_model(). Fails with kDataLoss on a wrong magic, a format
/// version other than kModelFormatVersion, a kind other than `expected`, truncation or a
/// checksum mismatch; `name` (usually the path) starts every message.
Result<ModelFile> decode_model(std::string_view bytes, ModelKind expected, const std::string& name);
/// The same without the kind check (for listing a models folder).
Result<ModelFile> decode_any_model(std::string_view bytes, const std::string& name);

/// Writes encode_model() output to `path` through a temporary file renamed into place, so a
/// failed write leaves an existing model whole (kIo on failure).
Status write_model_file(const std::string& path, ModelKind kind, const ModelHeader& header,
                        std::string_view payload);
/// The same for bytes already encoded.
Status write_encoded_model(const std::string& path, std::string_view bytes);

/// Reads and decodes `path`; kNotFound when the file does not exist.
Result<ModelFile> read_model_file(const std::string& path, ModelKind expected);
Result<ModelFile> read_any_model_file(const std::string& path);
/// The bytes of `path`, undecoded (kNotFound, kIo).
Result<std::string> read_model_bytes(const std::string& path);

}  // namespace dateline::model
