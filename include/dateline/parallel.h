// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// Every core on a stream of articles, with the output in input order.
///
/// `extract`, `ingest` and the benchmarks read articles on one thread and analyse them on
/// several: one loaded Pipeline serves every worker (its process() is const), and the results
/// come back on the reading thread in the order the articles were read, so the output is byte
/// for byte that of one thread, and whatever the caller does with a result (write it to
/// stdout, put it in the store) stays on one thread.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace dateline {

/// The number of threads `--threads 0` (the default) means: the machine's cores, at least 1.
inline int default_threads() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

/// Runs `work` over a stream of items on `threads` worker threads and hands each result to
/// `done` on the caller's thread, in the order the items were submitted.
///
/// Thread safety: submit() and finish() are called from one thread (the caller's); `work` runs
/// on the workers and must be safe to call concurrently (Pipeline::process is); `done` runs
/// only on the caller's thread, inside submit() or finish(). With threads <= 1 there are no
/// workers: submit() runs `work` and `done` itself.
/// Memory: at most `2 * threads` items are in flight (submitted, not yet handed to `done`);
/// submit() waits for the oldest when the window is full, so a slow consumer or a long
/// article holds the reader back instead of filling memory.
/// Lifetime: the destructor calls finish(); `work` and `done` must outlive the pool.
template <class In, class Out>
class OrderedPool {
 public:
  using Work = std::function<Out(In&&)>;
  using Done = std::function<void(Out&&)>;

  OrderedPool(int threads, Work work, Done done)
      : work_(std::move(work)),
        done_(std::move(done)),
        window_(2 * static_cast<size_t>(std::max(threads, 1))) {
    if (threads <= 1) return;
    workers_.reserve(threads);
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { run_worker(); });
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;
  ~OrderedPool() { finish(); }

  /// Queues `item`; first hands every finished result at the head of the order to `done`,
  /// and waits while the window is full.
  void submit(In item) {
    if (workers_.empty()) {
      done_(work_(std::move(item)));
      return;
    }
    std::unique_lock lock(mutex_);
    slots_.push_back(Slot{std::move(item), std::nullopt});
    ++queued_;
    work_ready_.notify_one();
    deliver(lock, window_);
  }

  /// Waits for every submitted item and hands its result to `done`; the pool stays open.
  /// For a reader about to wait for input: what was read is delivered before it waits.
  void drain() {
    if (workers_.empty()) return;
    std::unique_lock lock(mutex_);
    deliver(lock, 1);
  }

  /// Waits for every submitted item and hands the remaining results to `done`; stops the
  /// workers. Idempotent.
  void finish() {
    if (workers_.empty()) return;
    {
      std::unique_lock lock(mutex_);
      deliver(lock, 1);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

 private:
  struct Slot {
    std::optional<In> in;    ///< set until a worker takes it
    std::optional<Out> out;  ///< set once the worker is done
  };

  // Hands finished results at the head to `done` (outside the lock) until fewer than `keep`
  // slots remain, waiting for the head when it is not finished yet.
  void deliver(std::unique_lock<std::mutex>& lock, size_t keep) {
    for (;;) {
      while (!slots_.empty() && slots_.front().out) {
        Out out = std::move(*slots_.front().out);
        slots_.pop_front();
        lock.unlock();
        done_(std::move(out));
        lock.lock();
      }
      if (slots_.size() < keep) return;
      result_ready_.wait(lock, [&] { return slots_.front().out.has_value(); });
    }
  }

  void run_worker() {
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [&] { return queued_ > 0 || stopping_; });
      if (queued_ == 0) return;  // stopping, and nothing left
      // The oldest slot not yet taken: slots before it are taken, so it is at
      // size() - queued_ (deque references stay valid while others push at the back).
      Slot& slot = slots_[slots_.size() - queued_];
      --queued_;
      In in = std::move(*slot.in);
      slot.in.reset();
      lock.unlock();
      Out out = work_(std::move(in));
      lock.lock();
      slot.out.emplace(std::move(out));
      if (&slot == &slots_.front()) result_ready_.notify_one();
    }
  }

  Work work_;
  Done done_;
  size_t window_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_, result_ready_;
  std::deque<Slot> slots_;  ///< in submission order: taken and finished ones first
  size_t queued_ = 0;       ///< slots at the back not yet taken by a worker
  bool stopping_ = false;
};

}  // namespace dateline
