// SPDX-License-Identifier: Apache-2.0
#pragma once
// Brown-style word clusters learned from unlabelled text: each known word maps to the
// bit-string path of its cluster in a binary merge tree ("0110..."). Words whose paths share a
// long prefix occur in similar contexts, so feature templates can back off from a rare word to
// a 4-, 6- or 10-bit prefix of its path (Koo, Carreras & Collins 2008; Turian et al. 2010).
//
// File: a model container (model/model_file.h) of kind kClusters, whose header holds the
// training command, data and vocabulary counts and whose payload is
//   u64 n_paths, n_paths x str        the distinct cluster paths
//   u64 n_words, n_words x str        the words, in the order they were added
//   u64 n_words x u32                 each word's path index
// The container's checksum is the clusters' fingerprint.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/status.h"
#include "model/manifest.h"
#include "model/model_file.h"

namespace dateline::clusters {

/// The file name looked up in a models directory.
inline constexpr const char* kClustersFile = model::kClustersFile;

/// A word -> cluster-path table. Immutable after load(); all lookups are const and
/// thread-safe. Moving the object keeps every returned view valid (storage is on the heap).
class WordClusters {
 public:
  /// Reads a clusters file. Errors: kNotFound (no file), kDataLoss (not a clusters model,
  /// other format version, truncation, checksum mismatch).
  static Result<WordClusters> load(const std::filesystem::path& file);

  /// Bit-string path of the word's cluster ("0110..."); tries the exact form, then the
  /// lower-cased form; empty when unknown. The view lives as long as the object.
  std::string_view path(std::string_view word) const;

  /// Index of the word's cluster in [0, n_clusters()), or -1 when unknown (same look-up as
  /// path()). Cheaper for callers that precompute per-cluster feature hashes.
  int cluster(std::string_view word) const;
  /// Path of cluster `c`. Requires: 0 <= c < n_clusters().
  std::string_view cluster_path(int c) const { return paths_[static_cast<size_t>(c)]; }
  int n_clusters() const { return static_cast<int>(paths_.size()); }
  size_t n_words() const { return n_words_; }

  bool empty() const { return n_words_ == 0; }
  const model::ModelHeader& header() const { return header_; }
  /// 16 hex digits of the file's checksum.
  const std::string& fingerprint() const { return fingerprint_; }

  /// Builds a table in memory (trainer and tests). `words[i]` belongs to cluster
  /// `word_cluster[i]`, an index into `paths`.
  static WordClusters build(std::vector<std::string> paths, const std::vector<std::string>& words,
                            const std::vector<uint32_t>& word_cluster, model::ModelHeader header);
  /// The file's bytes (see the format above).
  std::string encode() const;
  /// Writes encode() to `path` (kIo naming the path when it cannot be written).
  Status save(const std::string& path) const;
  /// Decodes encode() output; `name` prefixes error messages.
  static Result<WordClusters> decode(std::string_view bytes, const std::string& name);
  /// The table of a decoded clusters model file (kDataLoss naming `name` when malformed).
  static Result<WordClusters> from_model(model::ModelFile file, const std::string& name);

 private:
  static WordClusters build_table(std::vector<std::string> paths,
                                  const std::vector<std::string>& words,
                                  const std::vector<uint32_t>& word_cluster,
                                  model::ModelHeader header);
  std::string payload() const;
  int find(std::string_view word) const;

  std::vector<std::string> paths_;
  // Open-addressing table: slot -> (offset of the word in text_, length, cluster), empty
  // slots have cluster == UINT32_MAX. Power-of-two size, at most half full.
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t length = 0;
    uint32_t cluster = UINT32_MAX;
  };
  std::vector<Slot> slots_;
  std::string text_;  ///< every word, concatenated
  size_t n_words_ = 0;
  model::ModelHeader header_;
  std::string fingerprint_;
};

}  // namespace dateline::clusters
