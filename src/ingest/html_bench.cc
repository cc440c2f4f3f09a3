// SPDX-License-Identifier: Apache-2.0
// Web-page reading throughput (MB of HTML per second per core) on the 992 pages of
// ../shared/data/html, loaded and gunzipped at start. The baseline, measured in the same
// run, is gumbo's parse alone (the floor any reader built on gumbo pays), so the figure is
// also a ratio: read_html() = charset decoding + gumbo + page model + main text + metadata.
//
//   build/release/bench/html_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/reader.h"

// Google Benchmark's idioms: BM_<Name> functions (the names its reports print) and
// `for (auto _ : state)` loops whose variable is never read.
// NOLINTBEGIN(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)
namespace {

const std::string kPages = std::string(DL_SOURCE_DIR) + "/../shared/data/html/pages";

std::vector<std::string> load_pages() {
  std::vector<std::string> names, pages;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(kPages, ec)) {
    names.push_back(e.path().string());
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    gzFile f = gzopen(name.c_str(), "rb");
    if (!f) continue;
    std::string page;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) page.append(buf, static_cast<size_t>(n));
    gzclose(f);
    pages.push_back(std::move(page));
  }
  return pages;
}

const std::vector<std::string>& pages() {
  static const std::vector<std::string> all = load_pages();
  return all;
}

template <typename Fn>
void run(benchmark::State& state, Fn&& fn) {
  const auto& all = pages();
  if (all.empty()) {
    state.SkipWithError("no pages under ../shared/data/html/pages");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& p : all) {
      fn(p);
      bytes += static_cast<int64_t>(p.size());
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(all.size()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_GumboParse(benchmark::State& state) {
  run(state, [](const std::string& p) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, p.data(), p.size());
    benchmark::DoNotOptimize(out->root);
    gumbo_destroy_output(&options, out);
  });
}
BENCHMARK(BM_GumboParse)->Unit(benchmark::kMillisecond);

void BM_ReadHtml(benchmark::State& state) {
  run(state, [](const std::string& p) {
    auto doc = dateline::ingest::read_html(p, "page.html");
    benchmark::DoNotOptimize(doc);
  });
}
BENCHMARK(BM_ReadHtml)->Unit(benchmark::kMillisecond);

}  // namespace
// NOLINTEND(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)

BENCHMARK_MAIN();
