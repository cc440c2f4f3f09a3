// SPDX-License-Identifier: Apache-2.0
// Whole-pipeline throughput in words per second per core, on the PolNeAR dev articles read
// from ../shared at run time. The baseline, measured in the same run, is the pipeline cut
// after segmentation, so the report is also a ratio that does not depend on the machine.
// BM_FullPipelineWithoutEncoder runs the same models but the token encoder (a folder of
// links to every other model file), so the encoder's cost is a ratio of the same run too.
//
//   build/release/bench/pipeline_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace {

std::vector<dateline::Document> load_corpus() {
  std::vector<dateline::Document> docs;
  std::string path = std::string(DL_SOURCE_DIR) + "/../shared/data/polnear/dev.jsonl";
  dateline::read_articles({path}, {}, [&](dateline::Document&& d) { docs.push_back(std::move(d)); },
                          [](const dateline::Status& s) {
                            std::fprintf(stderr, "%s\n", s.to_string().c_str());
                          });
  return docs;
}

const std::vector<dateline::Document>& corpus() {
  static const std::vector<dateline::Document> kDocs = load_corpus();
  return kDocs;
}

// A folder of links to every model file of `dir` but `left_out`, made once per run.
std::string models_without(const std::string& dir, const std::string& left_out) {
  namespace fs = std::filesystem;
  const fs::path out = fs::temp_directory_path() / ("pipeline_bench_models_" + left_out);
  fs::remove_all(out);
  fs::create_directories(out);
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.path().filename() != left_out) fs::create_symlink(fs::absolute(e.path()), out / e.path().filename());
  }
  return out.string();
}

// Google Benchmark's conventions: BM_ names and `for (auto _ : state)` loops.
// NOLINTBEGIN(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)
void run_pipeline(benchmark::State& state, bool segment_only, bool without_encoder = false) {
  dateline::PipelineOptions options;
  options.segment_only = segment_only;
  // DL_MODELS_DIR=DIR benchmarks the models in DIR (e.g. candidates before a swap).
  if (const char* dir = std::getenv("DL_MODELS_DIR"); dir && *dir) options.models_dir = dir;
  if (without_encoder) {
    const std::string dir =
        options.models_dir.empty() ? dateline::default_models_dir() : options.models_dir;
    options.models_dir = models_without(dir, "en_encoder.dlm");
  }
  auto pipeline = dateline::Pipeline::create(options);
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().to_string().c_str());
    return;
  }
  const auto& docs = corpus();
  if (docs.empty()) {
    state.SkipWithError("no corpus: ../shared/data/polnear/dev.jsonl not found");
    return;
  }
  int64_t words = 0, bytes = 0;
  for (auto _ : state) {
    for (const auto& original : docs) {
      dateline::Document doc = original;
      (void)pipeline->process(doc);
      words += static_cast<int64_t>(doc.tokens.size());
      bytes += static_cast<int64_t>(doc.text.size());
      benchmark::DoNotOptimize(doc.events.data());
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words),
                                                 benchmark::Counter::kIsRate);
  state.SetBytesProcessed(bytes);
}

void BM_SegmentOnly(benchmark::State& state) { run_pipeline(state, true); }
void BM_FullPipeline(benchmark::State& state) { run_pipeline(state, false); }
void BM_FullPipelineWithoutEncoder(benchmark::State& state) { run_pipeline(state, false, true); }

BENCHMARK(BM_SegmentOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FullPipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FullPipelineWithoutEncoder)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
// NOLINTEND(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)

BENCHMARK_MAIN();
