// SPDX-License-Identifier: Apache-2.0
#pragma once
// The HTTP JSON API as plain functions: a request value in, a response value out. main.cc
// binds them to cpp-httplib; the tests call them directly, without sockets.

#include <map>
#include <string>

#include "dateline/pipeline.h"

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
/// const and thread-safe because Pipeline::process() is.
class Api {
 public:
  explicit Api(const Pipeline& pipeline) : pipeline_(pipeline) {}

  ApiResponse handle(const ApiRequest& request) const;

 private:
  ApiResponse health(const ApiRequest& request) const;
  ApiResponse extract(const ApiRequest& request) const;

  struct Route {
    const char* method;
    const char* path;
    ApiResponse (Api::*handler)(const ApiRequest&) const;
  };
  static const Route kRoutes[];

  const Pipeline& pipeline_;
};

/// {"error": {"code": ..., "message": ...}} with the HTTP status matching the error code.
ApiResponse error_response(const Status& status);

}  // namespace dateline::server
