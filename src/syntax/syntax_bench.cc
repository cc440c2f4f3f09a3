// SPDX-License-Identifier: Apache-2.0
// Syntax throughput in words per second per core on EWT dev with gold tokens (read from
// ../shared at run time): the tagger alone, the parser alone on already predicted tags, and
// both together (what the pipeline runs). The tagger-alone figure is the baseline measured in
// the same run; the report gives tagging+parsing as a ratio to it.
//
//   build-syntax/bench/syntax_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/syntax_annotator.h"
#include "text/conllu.h"

// Google Benchmark's idioms: BM_<Name> functions (the names its reports print) and
// `for (auto _ : state)` loops whose variable is never read.
// NOLINTBEGIN(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)
namespace {

using dateline::syntax::SyntaxAnnotator;

struct Corpus {
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<dateline::text::ConlluSentence> source;
  size_t words = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    auto gold = dateline::text::read_conllu(std::string(DL_SOURCE_DIR) +
                                            "/../shared/data/ud/en_ewt-ud-dev.conllu");
    if (!gold.ok()) {
      std::fprintf(stderr, "%s\n", gold.status().to_string().c_str());
      return out;
    }
    out.source = std::move(gold).value();
    for (const auto& s : out.source) {
      std::vector<std::string_view> words;
      for (const auto& w : s.words) words.push_back(w.form);
      out.words += words.size();
      out.sentences.push_back(std::move(words));
    }
    return out;
  }();
  return c;
}

// DL_SYNTAX_MODELS=DIR benchmarks the models in DIR (e.g. newly trained ones) instead of the
// committed models/.
std::string models_dir() {
  const char* env = std::getenv("DL_SYNTAX_MODELS");
  return env && *env ? std::string(env) : std::string(DL_SOURCE_DIR) + "/models";
}

const SyntaxAnnotator* annotator() {
  static const auto a = SyntaxAnnotator::load({models_dir()});
  if (!a.ok()) {
    std::fprintf(stderr, "%s\n", a.status().to_string().c_str());
    return nullptr;
  }
  return &a.value();
}

void report(benchmark::State& state, size_t words) {
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_Tagger(benchmark::State& state) {
  const SyntaxAnnotator* a = annotator();
  const Corpus& c = corpus();
  if (!a || c.sentences.empty()) return state.SkipWithError("models or EWT dev missing");
  std::vector<dateline::syntax::TaggedWord> out;
  for (auto _ : state) {
    for (const auto& s : c.sentences) {
      a->tagger().tag(s, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  report(state, c.words);
}
BENCHMARK(BM_Tagger)->Unit(benchmark::kMillisecond);

void BM_Parser(benchmark::State& state) {
  const SyntaxAnnotator* a = annotator();
  const Corpus& c = corpus();
  if (!a || c.sentences.empty() || !a->has_parser()) {
    return state.SkipWithError("models or EWT dev missing");
  }
  // Tags predicted once, outside the timed loop.
  std::vector<std::vector<uint64_t>> tags;
  std::vector<dateline::syntax::TaggedWord> tagged;
  for (const auto& s : c.sentences) {
    a->tagger().tag(s, &tagged);
    std::vector<uint64_t> h;
    h.reserve(tagged.size());
    for (const auto& t : tagged) {
      h.push_back(dateline::syntax::tag_hash(a->tagger().upos(t), a->tagger().xpos(t)));
    }
    tags.push_back(std::move(h));
  }
  std::vector<dateline::syntax::ParsedWord> out;
  for (auto _ : state) {
    for (size_t i = 0; i < c.sentences.size(); ++i) {
      a->parser().parse(c.sentences[i], tags[i], &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  report(state, c.words);
}
BENCHMARK(BM_Parser)->Unit(benchmark::kMillisecond);

void BM_TagLemmatizeParse(benchmark::State& state) {
  const SyntaxAnnotator* a = annotator();
  const Corpus& c = corpus();
  if (!a || c.sentences.empty()) return state.SkipWithError("models or EWT dev missing");
  std::vector<dateline::syntax::WordAnalysis> out;
  for (auto _ : state) {
    for (const auto& s : c.sentences) {
      a->analyze(s, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  report(state, c.words);
}
BENCHMARK(BM_TagLemmatizeParse)->Unit(benchmark::kMillisecond);

void BM_LoadModels(benchmark::State& state) {
  for (auto _ : state) {
    auto a = SyntaxAnnotator::load({models_dir()});
    benchmark::DoNotOptimize(a.ok());
  }
}
BENCHMARK(BM_LoadModels)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
// NOLINTEND(readability-identifier-naming, clang-analyzer-deadcode.DeadStores)

BENCHMARK_MAIN();
