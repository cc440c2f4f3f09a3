// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for every model and lexicon file loader: the first byte picks the
// loader, the rest is the file's content. A loader must refuse what it cannot read with a
// Status: no crash, no read past the end of the file, no allocation the file's size does not
// justify (libFuzzer reports a malloc over -rss_limit_mb as a finding).
// Seeds: tests/fuzz/run.sh makes them from the heads of the files in models/ and
// data/lexicons/.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "clusters/word_clusters.h"
#include "entities/ner_model.h"
#include "events/cameo_table.h"
#include "events/trigger_model.h"
#include "events/wordnet_lexicon.h"
#include "quotes/content_reranker.h"
#include "quotes/cue_lexicon.h"
#include "quotes/tagger.h"
#include "segment/boundary_model.h"
#include "syntax/cluster_features.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace {

// Where the bytes are written for the loaders, which read files; one per process.
const std::string& scratch_file() {
  static const std::string path =
      (access("/dev/shm", W_OK) == 0 ? std::string("/dev/shm") : std::string("/tmp")) +
      "/dateline_model_fuzz_" + std::to_string(getpid());
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string& path = scratch_file();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  using namespace dateline;
  switch (data[0] % 12) {
    case 0: (void)quotes::AttributionTagger::load(path); break;
    case 1: (void)quotes::ContentReranker::load(path); break;
    case 2: (void)syntax::Tagger::load(path); break;
    case 3: (void)syntax::Parser::load(path); break;
    case 4: (void)entities::NerModel::load(path); break;
    case 5: (void)segment::BoundaryModel::load(path); break;
    case 6: (void)clusters::WordClusters::load(path); break;
    case 7: (void)syntax::ClusterFeatures::load(path); break;
    case 8: (void)quotes::CueLexicon::load(path); break;
    case 9: (void)events::CameoTable::load(path); break;
    case 10: (void)events::TriggerModel::load(path); break;
    case 11: (void)events::WordNetLexicon::load(path); break;
  }
  return 0;
}
