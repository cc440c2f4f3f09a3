// SPDX-License-Identifier: Apache-2.0
#pragma once
// Checks every request must pass before it is routed and before its body is read, as plain
// functions over a RequestHead value (the tests call them without sockets):
//  - the path is valid UTF-8 without control characters (a decoded "%00" would otherwise
//    cut a file name short: "/index.html%00.js" served index.html as JavaScript);
//  - the Host header names this server, so that a page whose DNS name was rebound to
//    127.0.0.1 cannot read the store through the visitor's browser;
//  - POST /api/extract carries a Content-Type or a header that a cross-site form or a
//    no-preflight fetch cannot send, so that no web page can make a visitor's browser spend
//    this server's CPU (text/plain, form and multipart bodies need X-Dateline-Request);
//  - only POST /api/extract takes a body, and not one over the size limit.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api.h"

namespace dateline::server {

/// The header that marks a request from a script that may post text to /api/extract.
inline constexpr const char* kClientHeader = "X-Dateline-Request";

struct GuardOptions {
  /// The address the server listens on (--host): "127.0.0.1", "::1", "localhost", "0.0.0.0",
  /// a host's own address or name.
  std::string bind_host = "127.0.0.1";
  /// Further names the Host header may give (--allow-host), e.g. a proxy's public name.
  std::vector<std::string> allowed_hosts;
  /// Largest request body POST /api/extract accepts (bytes).
  uint64_t max_body_bytes = uint64_t{8} << 20;
};

/// What the checks read of a request: its line and headers, before the body.
struct RequestHead {
  std::string method;
  std::string path;                        ///< decoded, as the router sees it
  std::string host;                        ///< the Host header, "" when absent
  std::string content_type;                ///< "" when absent
  bool client_header = false;              ///< kClientHeader is present
  bool chunked = false;                    ///< Transfer-Encoding is present
  std::optional<uint64_t> content_length;  ///< absent when the header is
};

/// True when `host_header` ("name", "name:port", "[v6]:port") names this server: for a
/// loopback bind address, a loopback name or address; for a wildcard one (0.0.0.0, ::), any
/// IP address literal or "localhost"; otherwise the bind address itself. Names given in
/// `allowed_hosts` are accepted in every case. Case-insensitive; the port is not compared.
bool host_allowed(std::string_view host_header, const GuardOptions& options);

/// The error response to send instead of routing the request, or nullopt when it may go on.
/// Statuses: 400 (bad path, a body where none is taken), 403 (Host not allowed, extract
/// without a safe Content-Type or kClientHeader), 411 (a POST that gives no length), 413
/// (body over max_body_bytes), 415 (a multipart body).
std::optional<ApiResponse> check_request(const RequestHead& head, const GuardOptions& options);

}  // namespace dateline::server
