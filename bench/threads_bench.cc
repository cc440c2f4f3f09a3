// SPDX-License-Identifier: Apache-2.0
// `extract --threads N` without the process around it: PolNeAR train (840 articles, read
// from ../shared at run time) through OrderedPool over one Pipeline, analysed and written as
// JSON, with 1 and 2 threads in the same run. Besides the wall-clock rate, each run reports
// the process's CPU time, so a figure taken on a busy machine can be read two ways:
//   speedup     = articles/s with 2 threads / articles/s with 1 thread (the Done-when's);
//   cpu/wall    = cores the run got (2.0 on an idle 2-core machine);
//   articles/cpu-s: work per CPU-second; its ratio 2 threads / 1 thread is the parallel
//                 efficiency, which does not depend on what else the machine runs.
//
//   build/release/bench/threads_bench [--benchmark_repetitions=3]
//   DL_BENCH_CORPUS=FILE.jsonl to read another corpus.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dateline/json.h"
#include "dateline/parallel.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace {

std::vector<dateline::Document> load_corpus() {
  std::vector<dateline::Document> docs;
  const char* given = std::getenv("DL_BENCH_CORPUS");
  const std::string path = given && *given
                               ? std::string(given)
                               : std::string(DL_SOURCE_DIR) + "/../shared/data/polnear/train.jsonl";
  dateline::read_articles(
      {path}, {}, [&](dateline::Document&& d) { docs.push_back(std::move(d)); },
      [](const dateline::Status& s) { std::fprintf(stderr, "%s\n", s.to_string().c_str()); });
  return docs;
}

const std::vector<dateline::Document>& corpus() {
  static const std::vector<dateline::Document> docs = load_corpus();
  return docs;
}

const dateline::Pipeline* pipeline() {
  static auto p = dateline::Pipeline::create({});
  return p.ok() ? &p.value() : nullptr;
}

// Per thread count: articles/s and articles per CPU-second, for the ratios printed at the end.
std::map<int, std::pair<double, double>>& rates() {
  static std::map<int, std::pair<double, double>> r;
  return r;
}

void BM_Extract(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const dateline::Pipeline* p = pipeline();
  if (!p) {
    state.SkipWithError("the pipeline did not load");
    return;
  }
  const auto& docs = corpus();
  if (docs.empty()) {
    state.SkipWithError("no corpus: ../shared/data/polnear/train.jsonl not found");
    return;
  }
  struct Output {
    std::string json;
    size_t words = 0;
  };
  int64_t articles = 0, words = 0, out_bytes = 0;
  const auto wall0 = std::chrono::steady_clock::now();
  const std::clock_t cpu0 = std::clock();
  for (auto _ : state) {
    dateline::OrderedPool<dateline::Document, Output> pool(
        threads,
        [&](dateline::Document&& doc) {
          (void)p->process(doc);
          return Output{dateline::to_json(doc, {}), doc.tokens.size()};
        },
        [&](Output&& out) {
          out_bytes += static_cast<int64_t>(out.json.size());
          words += static_cast<int64_t>(out.words);
          ++articles;
        });
    for (const auto& doc : docs) pool.submit(doc);
  }
  const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  const auto n = static_cast<double>(articles);
  state.counters["articles/s"] = benchmark::Counter(n, benchmark::Counter::kIsRate);
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["cpu/wall"] = cpu / wall;
  state.counters["articles/cpu-s"] = n / cpu;
  rates()[threads] = {n / wall, n / cpu};
  benchmark::DoNotOptimize(out_bytes);
}

BENCHMARK(BM_Extract)
    ->Arg(1)
    ->Arg(2)
    ->ArgName("threads")
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  const auto& r = rates();
  if (r.count(1) && r.count(2)) {
    std::printf(
        "2 threads / 1 thread: speedup %.2fx (articles/s), parallel efficiency %.2f "
        "(articles per CPU-second)\n",
        r.at(2).first / r.at(1).first, r.at(2).second / r.at(1).second);
  }
  return 0;
}
