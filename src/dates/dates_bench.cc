// SPDX-License-Identifier: Apache-2.0
// Throughput of the dates stage alone, on the TimeBank and AQUAINT texts (read at run time
// from DL_SHARED_DIR, tags stripped). Segmentation runs once, outside the timed loop.
//   build-*/src/dates/dates_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dates/time_normalizer.h"
#include "segment/segmenter.h"

namespace dateline::dates {
namespace {

// The <TEXT> part of a TimeML file with its tags removed (entities left as written: the
// timing does not depend on them).
std::string tml_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t b = raw.find("<TEXT>"), e = raw.find("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return "";
  std::string out;
  bool tag = false;
  for (size_t i = b + 6; i < e; ++i) {
    if (raw[i] == '<') tag = true;
    if (!tag) out += raw[i];
    if (raw[i] == '>') tag = false;
  }
  return out;
}

struct Corpus {
  std::vector<Document> docs;
  size_t words = 0;
};

const Corpus& corpus() {
  static const Corpus kCorpus = [] {
    Corpus c;
    const std::filesystem::path root = std::filesystem::path(DL_SHARED_DIR) / "data/timex/TBAQ-cleaned";
    std::error_code ec;
    for (const char* sub : {"TimeBank", "AQUAINT"}) {
      for (const auto& entry : std::filesystem::directory_iterator(root / sub, ec)) {
        Document doc;
        doc.text = tml_text(entry.path());
        doc.meta.published = "1998-08-07";
        segment::Segmenter().segment(doc);
        bool space = true;
        for (char ch : doc.text) {
          const bool s = ch == ' ' || ch == '\n' || ch == '\t';
          if (space && !s) ++c.words;
          space = s;
        }
        c.docs.push_back(std::move(doc));
      }
    }
    return c;
  }();
  return kCorpus;
}

void BM_TimeNormalizer(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.docs.empty()) {
    state.SkipWithError("TimeBank/AQUAINT not found under DL_SHARED_DIR");
    return;
  }
  auto normalizer = TimeNormalizer::load({});
  size_t found = 0;
  for (auto _ : state) {
    for (const Document& d : c.docs) {
      Document doc = d;
      (void)normalizer->annotate(doc);
      found += doc.times.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.counters["words/s"] = benchmark::Counter(
      static_cast<double>(c.words) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TimeNormalizer)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline::dates

BENCHMARK_MAIN();
