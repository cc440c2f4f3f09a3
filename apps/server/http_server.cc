// SPDX-License-Identifier: Apache-2.0
#include "http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>

#include "api.h"

namespace dateline::server {
namespace {

thread_local GuardedStream* tls_stream = nullptr;

std::string address_of(const sockaddr_storage& addr) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, buf, sizeof buf);
  } else if (addr.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr, buf, sizeof buf);
  }
  return buf;
}

void ip_and_port(const sockaddr_storage& addr, std::string& ip, int& port) {
  ip = address_of(addr);
  port = addr.ss_family == AF_INET ? ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port)
                                   : ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
}

int poll_one(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  return r;
}

int to_ms(std::chrono::steady_clock::duration d) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  return static_cast<int>(std::clamp<long long>(ms, 1, 24LL * 3600 * 1000));
}

}  // namespace

// --- GuardedStream ---------------------------------------------------------------------------

GuardedStream::GuardedStream(int fd, const ServerLimits& limits) : fd_(fd), limits_(limits) {
  start_request();
}

void GuardedStream::start_request() {
  request_start_ = Clock::now();
  deadline_ = request_start_ + limits_.head_timeout;
  request_bytes_ = 0;
  timed_out_ = too_large_ = close_after_ = false;
}

void GuardedStream::head_done() { deadline_ = request_start_ + limits_.request_timeout; }

bool GuardedStream::wait_readable() {
  if (buffer_begin_ < buffer_end_) return true;
  return poll_one(fd_, POLLIN, to_ms(limits_.idle_timeout)) > 0;
}

bool GuardedStream::wait(short events) const {
  const auto left = deadline_ - Clock::now();
  if (left <= Clock::duration::zero()) {
    timed_out_ = true;
    return false;
  }
  const int r = poll_one(fd_, events, to_ms(std::min<Clock::duration>(left, limits_.idle_timeout)));
  if (r == 0) timed_out_ = true;
  return r > 0;
}

bool GuardedStream::is_readable() const { return buffer_begin_ < buffer_end_ || wait(POLLIN); }

bool GuardedStream::is_writable() const {
  // Responses are not held to the request's deadline, only to the idle timeout per write.
  return poll_one(fd_, POLLOUT, to_ms(limits_.idle_timeout)) > 0;
}

ssize_t GuardedStream::read(char* ptr, size_t size) {
  if (buffer_begin_ == buffer_end_) {
    if (request_bytes_ >= limits_.max_request_bytes) {
      too_large_ = true;
      return -1;
    }
    if (!wait(POLLIN)) return -1;
    const size_t want = std::min(sizeof buffer_, limits_.max_request_bytes - request_bytes_);
    ssize_t n;
    do {
      n = ::recv(fd_, buffer_, want, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    request_bytes_ += static_cast<size_t>(n);
    buffer_begin_ = 0;
    buffer_end_ = static_cast<size_t>(n);
  }
  const size_t n = std::min(size, buffer_end_ - buffer_begin_);
  std::memcpy(ptr, buffer_ + buffer_begin_, n);
  buffer_begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t GuardedStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t n;
  do {
    n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void GuardedStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    ip_and_port(addr, ip, port);
}

void GuardedStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    ip_and_port(addr, ip, port);
}

// --- HttpServer ------------------------------------------------------------------------------

HttpServer::HttpServer(ServerLimits limits) : limits_(limits) {
  // What cpp-httplib announces in its Keep-Alive header; serve() applies them.
  set_keep_alive_max_count(static_cast<size_t>(limits_.keep_alive_requests));
  set_keep_alive_timeout(std::max<time_t>(1, limits_.idle_timeout.count() / 1000));
}

HttpServer::~HttpServer() {
  stop();
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [&] { return open_ == 0; });
}

GuardedStream* HttpServer::current_stream() { return tls_stream; }

Status HttpServer::bind(const std::string& host, int port) {
  // SO_REUSEADDR only: a restart may reuse a port whose old connections linger, but no two
  // servers can listen on one port (cpp-httplib's default sets SO_REUSEPORT).
  set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  errno = 0;
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    const int err = errno;
    return error(ErrorCode::kIo, "cannot listen on " + host + ":" + std::to_string(port) + ": " +
                                     (err ? std::strerror(err) : "not an address of this machine"));
  }
  port_ = bound;
  // cpp-httplib listens with a backlog of 5; listen() again raises it.
  if (::listen(svr_sock_, limits_.backlog) != 0) {
    return error(ErrorCode::kIo, "cannot listen on " + host + ":" + std::to_string(port) + ": " +
                                     std::strerror(errno));
  }
  return ok_status();
}

void HttpServer::run() {
  for (;;) {
    if (stop_requested_) stop();
    const socket_t listener = svr_sock_;
    if (listener == INVALID_SOCKET) break;
    if (poll_one(listener, POLLIN, 200) <= 0) continue;
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int fd = ::accept4(listener, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_CLOEXEC);
    if (fd < 0) {
      // Out of descriptors: the open connections end within their deadlines.
      if (errno == EMFILE || errno == ENFILE)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    const std::string client = address_of(addr);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (open_ >= limits_.max_connections) {
        refuse(fd, "the server has " + std::to_string(open_) +
                       " connections open, its limit; try again shortly");
        continue;
      }
      int& mine = per_client_[client];
      if (mine >= limits_.max_connections_per_client) {
        refuse(fd, "too many connections from " + client + " (the limit is " +
                       std::to_string(limits_.max_connections_per_client) + ")");
        continue;
      }
      ++mine;
      ++open_;
      fds_.push_back(fd);
    }
    try {
      std::thread([this, fd, client] { serve(fd, client); }).detach();
    } catch (const std::system_error&) {  // no thread to be had
      refuse(fd, "the server cannot take more connections now; try again shortly");
      std::lock_guard<std::mutex> lock(mutex_);
      --open_;
      if (--per_client_[client] == 0) per_client_.erase(client);
      fds_.erase(std::find(fds_.begin(), fds_.end(), fd));
    }
  }
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [&] { return open_ == 0; });
}

void HttpServer::stop() {
  const socket_t listener = svr_sock_.exchange(INVALID_SOCKET);
  if (listener != INVALID_SOCKET) {
    ::shutdown(listener, SHUT_RDWR);
    ::close(listener);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  for (int fd : fds_) ::shutdown(fd, SHUT_RDWR);
}

void HttpServer::serve(int fd, const std::string& client) {
  {
    GuardedStream stream(fd, limits_);
    tls_stream = &stream;
    for (int n = 0; n < limits_.keep_alive_requests; ++n) {
      if (!stream.wait_readable()) break;  // the client is gone or idle past the timeout
      stream.start_request();
      bool closed = false;
      const bool ok = process_request(stream, n + 1 == limits_.keep_alive_requests, closed,
                                      [&](httplib::Request&) { stream.head_done(); });
      if (!ok || closed || stream.must_close()) break;
    }
    tls_stream = nullptr;
  }
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
  std::lock_guard<std::mutex> lock(mutex_);
  fds_.erase(std::find(fds_.begin(), fds_.end(), fd));
  if (--per_client_[client] == 0) per_client_.erase(client);
  if (--open_ == 0) idle_.notify_all();
}

void HttpServer::refuse(int fd, const std::string& message) const {
  const std::string body = http_error(503, message).body;
  const std::string response =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) +
      "\r\nConnection: close\r\nRetry-After: 1\r\nX-Content-Type-Options: nosniff\r\n\r\n" + body;
  (void)::send(fd, response.data(), response.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
}

}  // namespace dateline::server
