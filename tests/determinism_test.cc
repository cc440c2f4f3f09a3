// SPDX-License-Identifier: Apache-2.0
// An article's output must not depend on what else is in the run (issue #20, item 6): the
// plain-text and JSON Lines articles of examples/articles/ (and, when ../shared is there, the seed
// articles and 24 of PolNeAR dev) are analysed in several orders, repeated, and from several
// threads sharing one Pipeline, directly and through the OrderedPool of `--threads N`; every
// article's JSON must be the same byte for byte.
// (HTML pages are left to the HTML reader's own test: a state leak between HTML documents is
// being fixed there.)
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "dateline/json.h"
#include "dateline/parallel.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

std::vector<Document> read_inputs() {
  std::vector<std::string> inputs;
  for (const auto& entry : fs::directory_iterator(std::string(DL_SOURCE_DIR) + "/examples/articles")) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".jsonl") inputs.push_back(entry.path().string());
  }
  const std::string shared = DL_SHARED_DIR;
  if (fs::exists(shared + "/seeds")) {
    for (const auto& entry : fs::directory_iterator(shared + "/seeds")) {
      if (entry.path().extension() == ".txt") inputs.push_back(entry.path().string());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  std::vector<Document> docs;
  read_articles(
      inputs, {}, [&](Document&& d) { docs.push_back(std::move(d)); },
      [](const Status& s) { ADD_FAILURE() << s.to_string(); });
  // A slice of PolNeAR dev: many articles of one outlet style, one per line.
  const std::string polnear = shared + "/data/polnear/dev.jsonl";
  if (fs::exists(polnear)) {
    size_t n = 0;
    read_articles(
        {polnear}, {},
        [&](Document&& d) {
          if (n++ < 24) docs.push_back(std::move(d));
        },
        [](const Status&) {});
  }
  return docs;
}

std::string analysed(const Pipeline& pipeline, Document doc) {
  EXPECT_TRUE(pipeline.process(doc).ok());
  return to_json(doc, {});
}

class Determinism : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::create({});
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    pipeline = new Pipeline(std::move(p).value());
    all_docs = new std::vector<Document>(read_inputs());
  }
  static void TearDownTestSuite() {
    delete pipeline;
    delete all_docs;
  }
  static Pipeline* pipeline;
  static std::vector<Document>* all_docs;
};
Pipeline* Determinism::pipeline = nullptr;
std::vector<Document>* Determinism::all_docs = nullptr;

TEST_F(Determinism, OutputDoesNotDependOnTheRun) {
  const std::vector<Document>& docs = *all_docs;
  ASSERT_GE(docs.size(), 4u);
  // The first pass is the reference (each article alone in its own process is compared
  // with a run of all of them by tests/cli/determinism_cli_test.sh).
  std::vector<std::string> alone;
  alone.reserve(docs.size());
  for (const Document& d : docs) alone.push_back(analysed(*pipeline, d));
  // Together again, in order, reversed, shuffled (three seeds), and each article twice.
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::vector<size_t>> orders = {order, {order.rbegin(), order.rend()}};
  for (unsigned seed : {1u, 2u, 3u}) {
    std::vector<size_t> shuffled = order;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    orders.push_back(shuffled);
  }
  std::vector<size_t> twice;
  for (size_t i : order) twice.insert(twice.end(), {i, i});
  orders.push_back(twice);
  for (size_t o = 0; o < orders.size(); ++o) {
    for (size_t i : orders[o]) {
      EXPECT_EQ(analysed(*pipeline, docs[i]), alone[i])
          << "order " << o << ", " << docs[i].meta.id;
    }
  }
}

TEST_F(Determinism, ThreadsSharingOnePipelineGetTheSameOutput) {
  const std::vector<Document>& docs = *all_docs;
  std::vector<std::string> want;
  want.reserve(docs.size());
  for (const Document& d : docs) want.push_back(analysed(*pipeline, d));
  constexpr int kThreads = 4;
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread in its own order, so that different articles run at the same time.
      for (size_t k = 0; k < docs.size(); ++k) {
        const size_t i = (k * (t + 1) + static_cast<size_t>(t)) % docs.size();
        Document d = docs[i];
        (void)pipeline->process(d);
        got[t].push_back(std::to_string(i) + "\n" + to_json(d, {}));
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    for (const std::string& entry : got[t]) {
      const size_t nl = entry.find('\n');
      const size_t i = std::stoul(entry.substr(0, nl));
      EXPECT_EQ(entry.substr(nl + 1), want[i]) << "thread " << t << ", " << docs[i].meta.id;
    }
  }
}

// What `extract --threads N` and `ingest --threads N` do: articles submitted in order to an
// OrderedPool over one Pipeline come back in that order with the one-thread output.
TEST_F(Determinism, OrderedPoolGivesTheOneThreadOutputInInputOrder) {
  const std::vector<Document>& docs = *all_docs;
  std::vector<std::string> want;
  want.reserve(docs.size());
  for (const Document& d : docs) want.push_back(analysed(*pipeline, d));
  for (int threads : {1, 2, 3, 8}) {
    std::vector<std::string> got;
    {
      OrderedPool<Document, std::string> pool(
          threads, [&](Document&& d) { return analysed(*pipeline, std::move(d)); },
          [&](std::string&& json) { got.push_back(std::move(json)); });
      for (const Document& d : docs) pool.submit(d);
    }
    EXPECT_EQ(got, want) << threads << " threads";
  }
}

}  // namespace
}  // namespace dateline
