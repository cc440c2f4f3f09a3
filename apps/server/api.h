// SPDX-License-Identifier: Apache-2.0
#pragma once
// The HTTP JSON API as plain functions: a request value in, a response value out. main.cc
// binds them to cpp-httplib; the tests call them directly, without sockets.

#include <map>
#include <string>

#include "dateline/pipeline.h"
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
};

/// Routes API requests. Holds a reference to a Pipeline that must outlive it; handle() is
/// const and thread-safe because Pipeline::process() is, and because the store endpoints open
/// their own read-only Store per request (see Api::open_store() in api.cc).
class Api {
 public:
  /// `db_path` is the store the GET /api/quotes, people, entities, events and articles
  /// endpoints read; "" means none, and those endpoints then answer 503.
  explicit Api(const Pipeline& pipeline, std::string db_path = "")
      : pipeline_(pipeline), db_path_(std::move(db_path)) {}

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
};

/// {"error": {"code": ..., "message": ...}} with the HTTP status matching the error code.
ApiResponse error_response(const Status& status);

}  // namespace dateline::server
