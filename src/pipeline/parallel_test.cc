// SPDX-License-Identifier: Apache-2.0
// OrderedPool (include/dateline/parallel.h): every item comes back once, in submission order,
// on the submitting thread, with at most 2 x threads items in flight, whatever the number of
// threads and however unevenly long the items take.
#include "dateline/parallel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace dateline {
namespace {

TEST(OrderedPool, ResultsInSubmissionOrder) {
  struct Case {
    int threads;
    int items;
    int slow_every;  ///< every n-th item sleeps, so later items finish first; 0: none
  };
  static const Case kCases[] = {
      {0, 5, 0},   {1, 0, 0},   {1, 50, 7},  {2, 0, 0},  {2, 1, 0},
      {2, 200, 3}, {3, 200, 5}, {8, 300, 2}, {16, 7, 1},
  };
  for (const Case& c : kCases) {
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<int> in_flight{0}, most_in_flight{0};
    std::vector<int> got;
    bool done_on_caller = true;
    {
      OrderedPool<int, std::string> pool(
          c.threads,
          [&](int&& i) {
            if (c.slow_every && i % c.slow_every == 0) {
              std::this_thread::sleep_for(std::chrono::microseconds(300));
            }
            return std::to_string(i * 3);
          },
          [&](std::string&& s) {
            done_on_caller = done_on_caller && std::this_thread::get_id() == caller;
            --in_flight;
            got.push_back(std::stoi(s) / 3);
          });
      for (int i = 0; i < c.items; ++i) {
        int now = ++in_flight;
        int seen = most_in_flight.load();
        while (now > seen && !most_in_flight.compare_exchange_weak(seen, now)) {
        }
        pool.submit(int{i});
      }
      pool.finish();
      EXPECT_EQ(static_cast<int>(got.size()), c.items) << c.threads << " threads, after finish";
      pool.finish();  // idempotent; the destructor calls it once more
    }
    std::vector<int> want(c.items);
    for (int i = 0; i < c.items; ++i) want[i] = i;
    EXPECT_EQ(got, want) << c.threads << " threads, " << c.items << " items";
    EXPECT_TRUE(done_on_caller) << c.threads << " threads";
    EXPECT_LE(most_in_flight.load(), 2 * std::max(c.threads, 1)) << c.threads << " threads";
  }
}

TEST(OrderedPool, MoveOnlyItems) {
  std::vector<int> got;
  {
    OrderedPool<std::unique_ptr<int>, std::unique_ptr<int>> pool(
        2, [](std::unique_ptr<int>&& p) { return std::make_unique<int>(*p + 1); },
        [&](std::unique_ptr<int>&& p) { got.push_back(*p); });
    for (int i = 0; i < 10; ++i) pool.submit(std::make_unique<int>(i));
  }
  EXPECT_EQ(got, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

// drain() hands out every result submitted so far and leaves the pool open: what a streaming
// reader calls before it waits for more input.
TEST(OrderedPool, DrainDeliversWhatWasSubmitted) {
  for (int threads : {1, 2, 4}) {
    std::vector<int> got;
    OrderedPool<int, int> pool(
        threads, [](int&& i) { return i * 10; }, [&](int&& r) { got.push_back(r); });
    for (int round = 0; round < 3; ++round) {
      for (int i = 0; i < 5; ++i) pool.submit(round * 5 + i);
      pool.drain();
      ASSERT_EQ(static_cast<int>(got.size()), 5 * (round + 1)) << threads << " threads";
      EXPECT_EQ(got.back(), (round * 5 + 4) * 10);
    }
    pool.finish();
    EXPECT_EQ(got.size(), 15u);
  }
}

}  // namespace
}  // namespace dateline
