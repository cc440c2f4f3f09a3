// SPDX-License-Identifier: Apache-2.0
#pragma once
// The HTTP JSON API as plain functions: a request value in, a response value out. main.cc
// binds them to cpp-httplib; the tests call them directly, without sockets.

#include <map>
#include <string>
#include <string_view>

#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "dateline/store.h"

namespace dateline::server {

struct ApiRequest {
  std::string method;  ///< "GET", "POST"
  std::string path;    ///< "/api/extract"
  std::map<std::string, std::string> query;
  std::string content_type;
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  /// What the server's log should say about this request, when the client is told less
  /// (an SQLite error, a file path); "" for nothing.
  std::string log;
};

/// Routes API requests. Holds a reference to a Pipeline that must outlive it; handle() is
/// const and thread-safe because Pipeline::process() is, and because the store endpoints open
/// their own read-only Store per request (see Api::open_store() in api.cc).
class Api {
 public:
  /// `db_path` is the store the GET /api/quotes, people, entities, events and articles
  /// endpoints read; "" means none, and those endpoints then answer 503.
  /// `max_body_bytes`: the largest article POST /api/extract analyses (the reader's limit).
  explicit Api(const Pipeline& pipeline, std::string db_path = "",
               size_t max_body_bytes = ReaderOptions{}.max_input_bytes)
      : pipeline_(pipeline), db_path_(std::move(db_path)), max_body_bytes_(max_body_bytes) {}

  /// Most rows one store query returns; `limit=` may ask for fewer (default kDefaultLimit).
  static constexpr int kMaxLimit = 1000;
  static constexpr int kDefaultLimit = 100;

  ApiResponse handle(const ApiRequest& request) const;

 private:
  ApiResponse health(const ApiRequest& request) const;
  ApiResponse extract(const ApiRequest& request) const;
  ApiResponse quotes(const ApiRequest& request) const;
  ApiResponse people(const ApiRequest& request) const;
  ApiResponse entities(const ApiRequest& request) const;
  ApiResponse events(const ApiRequest& request) const;
  ApiResponse timeline(const ApiRequest& request) const;
  ApiResponse article(const ApiRequest& request) const;
  ApiResponse filters(const ApiRequest& request) const;
  ApiResponse person(const ApiRequest& request) const;
  ApiResponse statement_series(const ApiRequest& request) const;
  ApiResponse event_series(const ApiRequest& request) const;
  ApiResponse network(const ApiRequest& request) const;

  /// Opens the store for one request (read-only); the caller turns a failure into a 503.
  Result<Store> open_store() const;

  struct Route {
    const char* method;
    const char* path;
    ApiResponse (Api::*handler)(const ApiRequest&) const;
    bool prefix;  ///< `path` is a prefix and the rest of the request path is an argument
  };
  static const Route kRoutes[];

  const Pipeline& pipeline_;
  std::string db_path_;
  size_t max_body_bytes_;
};

/// {"error": {"code": ..., "message": ...}} with the HTTP status matching the error code:
/// 400 invalid_argument and bad_input, 404 not_found, 500 otherwise. A 500 tells the client
/// only that the error is in the server's log (`log` holds the message: SQL and paths stay
/// there). The body is valid UTF-8 whatever the message holds.
ApiResponse error_response(const Status& status);

/// An error of the HTTP layer (a malformed request, a body too large, a Host not served):
/// the same body, with a code named after the status ("payload_too_large" for 413).
ApiResponse http_error(int status, std::string_view message);

/// kInvalidArgument naming `what` when `value` is not valid UTF-8 or holds a control
/// character (a client sent "%00" or a raw byte); ok otherwise. Every query parameter and
/// the request path are checked, so no such value reaches SQLite, a file name or a message.
Status check_text(std::string_view value, std::string_view what);

}  // namespace dateline::server
