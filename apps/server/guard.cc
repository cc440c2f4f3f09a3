// SPDX-License-Identifier: Apache-2.0
#include "guard.h"

#include <cctype>

namespace dateline::server {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "name", "name:port", "[v6]", "[v6]:port" -> the name or the address without brackets.
std::string host_name(std::string_view header) {
  if (!header.empty() && header.front() == '[') {
    const size_t close = header.find(']');
    return lower(header.substr(1, close == std::string_view::npos ? header.size() : close - 1));
  }
  return lower(header.substr(0, header.find(':')));
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i || j - i > 3) return false;
    ++parts;
    if (j == s.size()) break;
    if (s[j] != '.') return false;
    i = j + 1;
    if (i == s.size()) return false;
  }
  return parts == 4;
}

bool is_ipv6(std::string_view s) {
  if (s.find(':') == std::string_view::npos) return false;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
  }
  return true;
}

bool is_loopback(std::string_view name) {
  return name == "localhost" || name == "::1" || (is_ipv4(name) && name.substr(0, 4) == "127.");
}

bool is_wildcard(std::string_view name) {
  return name.empty() || name == "0.0.0.0" || name == "::" || name == "*";
}

std::string media_type(std::string_view content_type) {
  std::string type = lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  size_t start = 0;
  while (start < type.size() && (type[start] == ' ' || type[start] == '\t')) ++start;
  return type.substr(start);
}

}  // namespace

bool host_allowed(std::string_view host_header, const GuardOptions& options) {
  const std::string name = host_name(host_header);
  if (name.empty()) return false;
  for (const std::string& allowed : options.allowed_hosts) {
    if (name == host_name(allowed)) return true;
  }
  const std::string bind =
      host_name(options.bind_host.find(':') != std::string::npos && options.bind_host.front() != '['
                    ? "[" + options.bind_host + "]"
                    : options.bind_host);
  if (is_loopback(bind)) return is_loopback(name);
  if (is_wildcard(bind)) return name == "localhost" || is_ipv4(name) || is_ipv6(name);
  return name == bind;
}

std::optional<ApiResponse> check_request(const RequestHead& head, const GuardOptions& options) {
  if (Status s = check_text(head.path, "request path"); !s.ok()) {
    return http_error(400, s.message());
  }
  if (!host_allowed(head.host, options)) {
    const std::string shown = check_text(head.host, "").ok() ? head.host : "(not printable)";
    return http_error(403, head.host.empty()
                               ? "the request has no Host header"
                               : "Host '" + shown + "' does not name this server (it listens on " +
                                     options.bind_host +
                                     "); to serve it under that name, start it with "
                                     "--allow-host " +
                                     host_name(shown));
  }
  const bool extract = head.method == "POST" && head.path == "/api/extract";
  const bool body = head.chunked || (head.content_length && *head.content_length > 0);
  // A request with neither header has no body (RFC 9112 6.3), but cpp-httplib would read a
  // POST's body to the end of the connection: such a POST is told to say its length.
  if (head.method == "POST" && !head.chunked && !head.content_length) {
    return http_error(411, "POST needs Content-Length or Transfer-Encoding: chunked");
  }
  if (body && !extract) {
    return http_error(400, head.method + " " + head.path + " takes no request body");
  }
  if (!extract) return std::nullopt;
  if (head.content_length && *head.content_length > options.max_body_bytes) {
    return http_error(413, "request body of " + std::to_string(*head.content_length) +
                               " bytes, over the limit of " +
                               std::to_string(options.max_body_bytes) + " bytes");
  }
  const std::string type = media_type(head.content_type);
  if (type.rfind("multipart/", 0) == 0) {
    return http_error(415, "multipart bodies are not read: send the article itself as the body");
  }
  const bool form_type = type.empty() || type == "text/plain" ||
                         type == "application/x-www-form-urlencoded" ||
                         type == "multipart/form-data";
  if (form_type && !head.client_header) {
    return http_error(403, std::string("POST /api/extract with Content-Type '") + type +
                               "' needs the header " + kClientHeader +
                               " (any value), or send application/json, application/x-ndjson "
                               "or text/html: a cross-site form could send this request");
  }
  return std::nullopt;
}

}  // namespace dateline::server
