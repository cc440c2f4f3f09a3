// SPDX-License-Identifier: Apache-2.0
#pragma once
// The HTTP server under the API: cpp-httplib parses requests, routes them and writes
// responses; the connections are handled here, so that slow or hostile clients cannot
// starve it.
//
// cpp-httplib 0.11 (Debian 12) serves each connection on one of a fixed pool of threads and
// gives each read a timeout but the request no deadline: 16 connections sending a byte every
// few seconds held all 8 threads and the server stopped answering. Its payload limit does
// not apply to chunked bodies (a 1 GB chunked POST grew the server to 2.3 GB); its listen
// backlog is 5; and it sets SO_REUSEPORT, so a second server on the same port starts and
// both serve. HttpServer therefore runs its own accept loop on the socket cpp-httplib binds
// (SO_REUSEADDR only, backlog 1024) and gives each connection a thread of its own, up to
// ServerLimits::max_connections in all and max_connections_per_client per address; beyond
// that a connection is answered 503 and closed at once. Each request is read through a
// stream that enforces a deadline for the request head and one for the whole request and
// a cap on its bytes (head, body and chunk framing together), whatever the encoding, and
// then handed to cpp-httplib's request processing. The analysis itself runs in at most
// ServerLimits::workers requests at once (see Api), so memory stays bounded by
// workers x the largest article.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "dateline/status.h"

namespace dateline::server {

struct ServerLimits {
  int max_connections = 512;             ///< open connections in all
  int max_connections_per_client = 128;  ///< open connections from one address
  int backlog = 1024;                    ///< listen(2) backlog
  /// The request line and headers must arrive within this time of the request's start.
  std::chrono::milliseconds head_timeout{10000};
  /// The whole request (head and body) must arrive within this time of its start.
  std::chrono::milliseconds request_timeout{60000};
  /// Longest pause between two reads, and longest wait for a keep-alive connection's next
  /// request.
  std::chrono::milliseconds idle_timeout{5000};
  /// Most bytes one request may send: head, body and chunk framing.
  size_t max_request_bytes = size_t{8} << 20;
  int keep_alive_requests = 100;  ///< requests on one connection before it is closed
};

/// One request's view of its connection (see the file comment); cpp-httplib reads and
/// writes through it. Not thread-safe: one connection is served by one thread.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(int fd, const ServerLimits& limits);

  /// Starts a request: resets the byte count and sets the head deadline.
  void start_request();
  /// The head has been read: the deadline becomes the whole request's.
  void head_done();
  /// Waits until the connection has bytes to read (true) or the idle timeout passes.
  bool wait_readable();

  bool timed_out() const { return timed_out_; }
  bool too_large() const { return too_large_; }
  /// The connection ends after this response (its request body was not read to the end).
  void close_after_response() { close_after_ = true; }
  bool must_close() const { return close_after_ || timed_out_ || too_large_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  using Clock = std::chrono::steady_clock;
  /// Waits for `events` until the deadline or the idle timeout, whichever comes first.
  bool wait(short events) const;

  int fd_;
  const ServerLimits& limits_;
  Clock::time_point request_start_{}, deadline_{};
  size_t request_bytes_ = 0;
  mutable bool timed_out_ = false;  ///< a wait passed the deadline or the idle timeout
  bool too_large_ = false, close_after_ = false;
  char buffer_[16384];
  size_t buffer_begin_ = 0, buffer_end_ = 0;
};

/// cpp-httplib's Server with the connection handling above. Register handlers as on any
/// httplib::Server, then bind() and run().
class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(ServerLimits limits);
  ~HttpServer() override;

  /// Binds and listens on host:port. kIo naming the address when it cannot: in use (by
  /// anything, a second dateline-server included), not an address of this machine, no
  /// permission.
  Status bind(const std::string& host, int port);
  /// The port bound (useful with port 0).
  int port() const { return port_; }
  /// Accepts and serves connections until stop(); then waits for the open ones to end.
  void run();
  /// Stops accepting and ends the open connections; safe to call from any thread.
  void stop();
  /// Makes run() stop within a fraction of a second; safe to call from a signal handler.
  void request_stop() { stop_requested_ = true; }

  const ServerLimits& limits() const { return limits_; }

  /// The stream of the request being handled on this thread (null outside a request): the
  /// handlers learn from it whether a read failed on a deadline or on the size cap.
  static GuardedStream* current_stream();

 private:
  void serve(int fd, const std::string& client);
  void refuse(int fd, const std::string& message) const;

  ServerLimits limits_;
  int port_ = 0;
  std::atomic<bool> stop_requested_{false};
  std::mutex mutex_;
  std::condition_variable idle_;
  int open_ = 0;
  std::map<std::string, int> per_client_;
  std::vector<int> fds_;  ///< open connections, shut down by stop()
};

}  // namespace dateline::server
