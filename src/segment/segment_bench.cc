// SPDX-License-Identifier: Apache-2.0
// Segmentation throughput (MB/s per core) on a corpus built at run time from ../shared: the raw
// text of the UD English train files, cut into article-sized documents at paragraph breaks,
// and the PolNeAR train articles. The baseline, measured in the same run, is a plain byte scan
// that counts white-space separated words, so the figure is also reported as a ratio.
//
//   build-release/bench/segment_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "dateline/reader.h"
#include "segment/segmenter.h"
#include "segment/tokenizer.h"
#include "text/conllu.h"

// Google Benchmark's idioms: BM_<Name> functions (the names its reports print) and
// `for (auto _ : state)` loops whose variable is never read.
// NOLINTBEGIN(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)
namespace {

const std::string kShared = std::string(DL_SOURCE_DIR) + "/../shared/data";

std::vector<dateline::Document> load_corpus() {
  std::vector<dateline::Document> docs;
  for (const char* f : {"/ud/en_ewt-ud-train.conllu", "/ud/en_gum-ud-train.conllu"}) {
    auto sentences = dateline::text::read_conllu(kShared + f);
    if (!sentences.ok()) continue;
    const std::string raw = dateline::text::raw_text(*sentences);
    size_t begin = 0;
    while (begin < raw.size()) {
      size_t end = raw.find("\n\n", begin + 4000);
      if (end == std::string::npos) end = raw.size();
      dateline::Document d;
      d.text = raw.substr(begin, end - begin);
      docs.push_back(std::move(d));
      begin = end + 2;
    }
  }
  dateline::read_articles(
      {kShared + "/polnear/train.jsonl"}, {},
      [&](dateline::Document&& d) {
        dateline::Document copy;
        copy.text = std::move(d.text);
        docs.push_back(std::move(copy));
      },
      [](const dateline::Status& s) { std::fprintf(stderr, "%s\n", s.to_string().c_str()); });
  return docs;
}

std::vector<dateline::Document>& corpus() {
  static std::vector<dateline::Document> docs = load_corpus();
  return docs;
}

void run(benchmark::State& state, const dateline::segment::Segmenter& segmenter) {
  auto& docs = corpus();
  if (docs.empty()) {
    state.SkipWithError("no corpus under ../shared/data");
    return;
  }
  int64_t bytes = 0, tokens = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      doc.paragraphs.clear();
      doc.sentences.clear();
      doc.tokens.clear();
      segmenter.segment(doc);
      bytes += static_cast<int64_t>(doc.text.size());
      tokens += static_cast<int64_t>(doc.tokens.size());
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

void BM_SegmentWithModel(benchmark::State& state) {
  auto segmenter =
      dateline::segment::Segmenter::load({std::string(DL_SOURCE_DIR) + "/models", true});
  if (!segmenter.ok() || !segmenter->has_model()) {
    state.SkipWithError("models/segmenter.dlsb missing");
    return;
  }
  run(state, *segmenter);
}
BENCHMARK(BM_SegmentWithModel)->Unit(benchmark::kMillisecond);

void BM_SegmentRulesOnly(benchmark::State& state) {
  run(state, dateline::segment::Segmenter());
}
BENCHMARK(BM_SegmentRulesOnly)->Unit(benchmark::kMillisecond);

void BM_TokenizeOnly(benchmark::State& state) {
  auto& docs = corpus();
  std::vector<dateline::segment::RawToken> out;
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      out.clear();
      dateline::segment::tokenize(doc.text, 0, static_cast<uint32_t>(doc.text.size()), out);
      bytes += static_cast<int64_t>(doc.text.size());
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond);

// Baseline: one pass over the bytes counting white-space separated words.
void BM_BaselineByteScan(benchmark::State& state) {
  auto& docs = corpus();
  int64_t bytes = 0, words = 0;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      bool in_word = false;
      for (char c : doc.text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        words += !space && !in_word;
        in_word = !space;
      }
      bytes += static_cast<int64_t>(doc.text.size());
    }
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_BaselineByteScan)->Unit(benchmark::kMillisecond);

}  // namespace
// NOLINTEND(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)

BENCHMARK_MAIN();
