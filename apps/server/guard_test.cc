// SPDX-License-Identifier: Apache-2.0
// The checks made before a request is routed, without sockets (issue #20, item 5).
#include "guard.h"

#include <gtest/gtest.h>

namespace dateline::server {
namespace {

TEST(Guard, TheHostHeaderMustNameThisServer) {
  static const struct {
    const char* bind;
    const char* host;
    bool allowed;
  } kCases[] = {
      {"127.0.0.1", "127.0.0.1:8080", true},
      {"127.0.0.1", "localhost:8080", true},
      {"127.0.0.1", "LOCALHOST", true},
      {"127.0.0.1", "[::1]:8080", true},
      {"127.0.0.1", "127.0.0.2", true},
      {"127.0.0.1", "evil.example:8080", false},  // a rebound DNS name
      {"127.0.0.1", "localhost.evil.example", false},
      {"127.0.0.1", "10.0.0.5:8080", false},
      {"127.0.0.1", "", false},
      {"::1", "[::1]:8080", true},
      {"localhost", "127.0.0.1", true},
      {"0.0.0.0", "192.168.1.20:8080", true},  // any address literal
      {"0.0.0.0", "[fe80::1]:8080", true},
      {"0.0.0.0", "localhost", true},
      {"0.0.0.0", "news.example", false},  // names need --allow-host
      {"192.168.1.20", "192.168.1.20:80", true},
      {"192.168.1.20", "192.168.1.21", false},
  };
  for (const auto& c : kCases) {
    GuardOptions o;
    o.bind_host = c.bind;
    EXPECT_EQ(host_allowed(c.host, o), c.allowed) << c.bind << " / " << c.host;
  }
  GuardOptions proxied;
  proxied.bind_host = "127.0.0.1";
  proxied.allowed_hosts = {"news.example"};
  EXPECT_TRUE(host_allowed("News.Example:443", proxied));
  EXPECT_FALSE(host_allowed("other.example", proxied));
}

TEST(Guard, ChecksPathsBodiesAndWhoMayPostText) {
  using namespace std::literals;
  static const struct {
    const char* method;
    std::string_view path;  ///< may hold a NUL
    const char* content_type;
    bool client_header;
    bool chunked;
    int64_t length;  ///< -1: no Content-Length
    int status;      ///< 0: the request goes on
    const char* message_has;
  } kCases[] = {
      {"GET", "/api/health", "", false, false, -1, 0, ""},
      {"GET", "/", "", false, false, -1, 0, ""},
      {"GET", "/index.html\0.js"sv, "", false, false, -1, 400, "control character 0"},
      {"GET", "/api/quotes", "text/plain", false, false, 10, 400, "takes no request body"},
      {"GET", "/api/quotes", "", false, true, -1, 400, "takes no request body"},
      {"POST", "/api/extract", "application/json", false, false, 100, 0, ""},
      {"POST", "/api/extract", "application/x-ndjson", false, true, -1, 0, ""},
      {"POST", "/api/extract", "text/html; charset=utf-8", false, false, 100, 0, ""},
      {"POST", "/api/extract", "text/plain", true, false, 100, 0, ""},
      {"POST", "/api/extract", "text/plain; charset=utf-8", false, false, 100, 403,
       "X-Dateline-Request"},
      {"POST", "/api/extract", "", false, false, 100, 403, "X-Dateline-Request"},
      {"POST", "/api/extract", "application/x-www-form-urlencoded", false, false, 100, 403, ""},
      {"POST", "/api/extract", "multipart/form-data; boundary=x", true, false, 100, 415,
       "multipart"},
      {"POST", "/api/extract", "application/json", false, false, 2000, 413, "over the limit"},
      {"POST", "/api/extract", "application/json", false, false, -1, 411, "Content-Length"},
      {"POST", "/api/quotes", "application/json", false, false, 10, 400, "takes no request body"},
  };
  GuardOptions o;
  o.max_body_bytes = 1000;
  for (const auto& c : kCases) {
    RequestHead h;
    h.method = c.method;
    h.path = c.path;
    h.host = "127.0.0.1:8080";
    h.content_type = c.content_type;
    h.client_header = c.client_header;
    h.chunked = c.chunked;
    if (c.length >= 0) h.content_length = static_cast<uint64_t>(c.length);
    std::optional<ApiResponse> r = check_request(h, o);
    if (c.status == 0) {
      EXPECT_FALSE(r.has_value()) << c.method << " " << c.path << ": " << r->body;
      continue;
    }
    ASSERT_TRUE(r.has_value()) << c.method << " " << c.path;
    EXPECT_EQ(r->status, c.status) << c.method << " " << c.path << ": " << r->body;
    EXPECT_NE(r->body.find(c.message_has), std::string::npos) << r->body;
  }
}

}  // namespace
}  // namespace dateline::server
