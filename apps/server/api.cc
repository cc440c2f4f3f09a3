// SPDX-License-Identifier: Apache-2.0
#include "api.h"

#include <sstream>

#include "dateline/json.h"
#include "dateline/reader.h"
#include "dateline/version.h"

namespace dateline::server {
namespace {

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 200;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kBadInput: return 400;
    case ErrorCode::kNotFound: return 404;
    default: return 500;
  }
}

std::string query_or(const ApiRequest& r, const std::string& key, const std::string& fallback) {
  auto it = r.query.find(key);
  return it == r.query.end() ? fallback : it->second;
}

/// Same flags as the CLI's --with: "tokens,sentences,syntax".
JsonOptions json_options_from(const ApiRequest& r) {
  std::string with = query_or(r, "with", "");
  JsonOptions o;
  o.with_tokens = with.find("tokens") != std::string::npos;
  o.with_sentences = with.find("sentences") != std::string::npos;
  o.with_syntax = with.find("syntax") != std::string::npos;
  return o;
}

}  // namespace

const Api::Route Api::kRoutes[] = {
    {"GET", "/api/health", &Api::health},
    {"POST", "/api/extract", &Api::extract},
};

ApiResponse error_response(const Status& status) {
  ApiResponse r;
  r.status = http_status(status.code());
  r.body = std::string("{\"error\":{\"code\":\"") + error_code_name(status.code()) +
           "\",\"message\":\"" + json_escape(status.message()) + "\"}}";
  return r;
}

ApiResponse Api::handle(const ApiRequest& request) const {
  bool path_known = false;
  for (const Route& route : kRoutes) {
    if (request.path != route.path) continue;
    path_known = true;
    if (request.method == route.method) return (this->*route.handler)(request);
  }
  if (path_known) {
    ApiResponse r = error_response(error(ErrorCode::kInvalidArgument,
                                         request.method + " is not allowed on " + request.path));
    r.status = 405;
    return r;
  }
  return error_response(error(ErrorCode::kNotFound, "no such endpoint: " + request.path));
}

ApiResponse Api::health(const ApiRequest&) const {
  ApiResponse r;
  r.body = std::string("{\"status\":\"ok\",\"version\":\"") + kVersion +
           "\",\"fingerprint\":\"" + pipeline_.fingerprint() + "\"}";
  return r;
}

// POST /api/extract: the body is one article (plain text, HTML, or JSON objects one a line,
// by Content-Type). Answers JSON Lines, one object per article, byte-identical to
// `dateline extract --format jsonl`; a body with no readable article is a 400.
ApiResponse Api::extract(const ApiRequest& request) const {
  ReaderOptions reader;
  reader.default_published = query_or(request, "published", "");
  const JsonOptions json = json_options_from(request);
  std::string name = query_or(request, "name", "request");
  std::ostringstream out;
  size_t articles = 0;
  Status first_error;
  read_article_bytes(
      request.body, name, request.content_type, reader,
      [&](Document&& doc) {
        (void)pipeline_.process(doc);
        out << to_json(doc, json) << "\n";
        ++articles;
      },
      [&](const Status& s) {
        if (first_error.ok()) first_error = s;
      });
  if (articles == 0) {
    return error_response(first_error.ok() ? error(ErrorCode::kBadInput, name + ": no article")
                                            : first_error);
  }
  ApiResponse r;
  r.content_type = "application/x-ndjson";
  r.body = out.str();
  return r;
}

}  // namespace dateline::server
