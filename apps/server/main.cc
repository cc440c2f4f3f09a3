// SPDX-License-Identifier: Apache-2.0
// dateline-server: the HTTP JSON API (apps/server/api.h) and the web page (web/).
//   dateline-server [--host 127.0.0.1] [--port 8080] [--web DIR] [--db FILE] ...
// This file binds the API's handlers, the request checks (guard.h) and the error bodies to
// the HTTP server (http_server.h); each is tested on its own without sockets, and
// tests/server/hostile_clients.py tests the whole over real sockets.
#include <csignal>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <semaphore>
#include <string>
#include <system_error>
#include <utility>

#include <CLI/CLI.hpp>

#include "api.h"
#include "dateline/parallel.h"
#include "dateline/pipeline.h"
#include "guard.h"
#include "http_server.h"

namespace {

using dateline::server::ApiRequest;
using dateline::server::ApiResponse;
using dateline::server::HttpServer;

ApiRequest to_api(const httplib::Request& req) {
  ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.query[k] = v;
  r.content_type = req.get_header_value("Content-Type");
  r.body = req.body;
  return r;
}

void send(const ApiResponse& r, httplib::Response& res) {
  if (!r.log.empty()) std::fprintf(stderr, "dateline-server: %s\n", r.log.c_str());
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
}

// The request could not be read to its end (or was refused before it was): the connection
// closes after the response, since the rest of the body would be read as the next request.
void close_after(httplib::Response& res) {
  res.set_header("Connection", "close");
  if (auto* stream = HttpServer::current_stream()) stream->close_after_response();
}

dateline::server::RequestHead head_of(const httplib::Request& req) {
  dateline::server::RequestHead h;
  h.method = req.method;
  h.path = req.path;
  h.host = req.get_header_value("Host");
  h.content_type = req.get_header_value("Content-Type");
  h.client_header = req.has_header(dateline::server::kClientHeader);
  h.chunked = req.has_header("Transfer-Encoding");
  if (req.has_header("Content-Length")) {
    h.content_length = req.get_header_value<uint64_t>("Content-Length");
  }
  return h;
}

// The body of an error cpp-httplib raised itself (a malformed request, a URI too long, a
// path with no page, a read that failed on a deadline or the size cap).
std::string library_error_message(int status, const httplib::Request& req,
                                  const dateline::server::ServerLimits& limits) {
  switch (status) {
    case 404:
      return dateline::server::check_text(req.path, "").ok() ? "no such page: " + req.path
                                                             : "no such page";
    case 408:
      return "the request did not arrive in time (head within " +
             std::to_string(limits.head_timeout.count() / 1000) + " s, all of it within " +
             std::to_string(limits.request_timeout.count() / 1000) + " s)";
    case 413:
      return "the request is over the limit of " + std::to_string(limits.max_request_bytes) +
             " bytes";
    case 414:
      return "the request line is over the limit of 8192 bytes";
    case 416:
      return "the Range header cannot be satisfied";
    default:
      return "malformed HTTP request";
  }
}

HttpServer* running_server = nullptr;

void on_signal(int) {
  if (running_server) running_server->request_stop();
}

// The server; main() turns what a library below may throw (CLI11, the file system) into an
// exit code.
int serve(int argc, char** argv) {
  CLI::App app{"dateline HTTP JSON API and web page"};
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web = dateline::default_web_dir();
  dateline::PipelineOptions options;
  std::string db = dateline::StoreOptions{}.path;  // the CLI's default store, dateline.db
  dateline::server::GuardOptions guard;
  dateline::server::ServerLimits limits;
  int workers = dateline::default_threads();
  int request_seconds = static_cast<int>(limits.request_timeout.count() / 1000);
  size_t max_bytes = dateline::ReaderOptions{}.max_input_bytes;
  app.add_option("--host", host, "address to listen on (default 127.0.0.1)");
  app.add_option("--port", port, "port to listen on (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--web", web, "folder of the web page");
  app.add_option("--models", options.models_dir, "folder of model files");
  app.add_option("--db", db,
                 "store read by the /api/quotes, people, ... endpoints: an SQLite file "
                 "(default: dateline.db) or a postgresql:// URL");
  app.add_option("--allow-host", guard.allowed_hosts,
                 "a further name the Host header may give (a proxy's); repeatable");
  app.add_option("--max-bytes", max_bytes,
                 "largest article POST /api/extract takes (bytes; default 8 MiB)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  app.add_option("--threads,--workers", workers,
                 "articles analysed at once, one request each (default: one per core)")
      ->check(CLI::Range(1, 256));
  app.add_option("--max-connections", limits.max_connections, "open connections in all")
      ->check(CLI::Range(1, 100000));
  app.add_option("--max-connections-per-client", limits.max_connections_per_client,
                 "open connections from one address")
      ->check(CLI::Range(1, 100000));
  app.add_option("--request-timeout", request_seconds,
                 "seconds a request may take to arrive (default 60)")
      ->check(CLI::Range(1, 3600));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  limits.request_timeout = std::chrono::seconds(request_seconds);
  limits.head_timeout = std::min(limits.head_timeout, limits.request_timeout);
  // The head, and the body's chunk framing, on top of the largest body.
  limits.max_request_bytes = max_bytes + (size_t{64} << 10);
  guard.bind_host = host;
  guard.max_body_bytes = max_bytes;

  auto pipeline = dateline::Pipeline::create(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "dateline-server: %s\n", pipeline.status().to_string().c_str());
    return 3;
  }
  for (const std::string& w : pipeline->warnings()) {
    std::fprintf(stderr, "dateline-server: warning: %s\n", w.c_str());
  }
  const bool url = db.find("://") != std::string::npos;  // postgresql://...: no file to check
  std::error_code missing;
  if (!url && !std::filesystem::exists(db, missing)) {
    std::fprintf(stderr, "dateline-server: no store at %s yet; store endpoints answer 503\n",
                 db.c_str());
  }
  const dateline::server::Api api(*pipeline, db, max_bytes);
  std::counting_semaphore<> analysis_slots(workers);

  HttpServer server(limits);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (auto refused = dateline::server::check_request(head_of(req), guard)) {
      send(*refused, res);
      close_after(res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [&](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours already
        const auto* stream = HttpServer::current_stream();
        int status = res.status;
        if (stream && stream->timed_out()) status = 408;
        if (stream && stream->too_large()) status = 413;
        send(dateline::server::http_error(status, library_error_message(status, req, limits)), res);
        if (status == 400 || status == 408 || status == 413) close_after(res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  // dateline does not throw; were anything to (std::bad_alloc), cpp-httplib would put its
  // message in a response header. The client gets the API's 500 instead, the log the rest.
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        ApiResponse r =
            dateline::server::http_error(500, "internal error; the server's log has the details");
        try {
          std::rethrow_exception(std::move(ep));
        } catch (const std::exception& e) {
          r.log = std::string("exception: ") + e.what();
        } catch (...) {
          r.log = "exception of an unknown type";
        }
        send(r, res);
      });
  auto bridge = [&](const httplib::Request& req, httplib::Response& res) {
    send(api.handle(to_api(req)), res);
  };
  server.Get(R"(/api/.*)", bridge);
  server.Post(R"(/api/.*)", bridge);
  // POST /api/extract with a body: at most `workers` (--threads) at once on the one Pipeline,
  // each body read only once its turn comes, so memory stays bounded by workers x the largest
  // article.
  server.Post("/api/extract", [&](const httplib::Request& req, httplib::Response& res,
                                  const httplib::ContentReader& read) {
    if (!analysis_slots.try_acquire_for(limits.request_timeout)) {
      send(dateline::server::http_error(
               503, "all " + std::to_string(workers) + " analysis workers are busy; try again"),
           res);
      close_after(res);
      return;
    }
    std::string body;
    bool over = false;
    const bool complete = read([&](const char* data, size_t n) {
      if (body.size() + n > max_bytes) {
        over = true;
        return false;
      }
      body.append(data, n);
      return true;
    });
    if (!complete) {
      analysis_slots.release();
      const auto* stream = HttpServer::current_stream();
      const int status = over || (stream && stream->too_large()) ? 413
                         : stream && stream->timed_out()         ? 408
                                                                 : 400;
      send(dateline::server::http_error(status, library_error_message(status, req, limits)), res);
      close_after(res);
      return;
    }
    ApiRequest r = to_api(req);
    r.body = std::move(body);
    const ApiResponse answer = api.handle(r);
    analysis_slots.release();
    send(answer, res);
  });
  if (!server.set_mount_point("/", web)) {
    std::fprintf(stderr, "dateline-server: no web page folder at %s (API only)\n", web.c_str());
  }
  if (dateline::Status s = server.bind(host, port); !s.ok()) {
    std::fprintf(stderr, "dateline-server: %s\n", s.message().c_str());
    return 3;
  }
  running_server = &server;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::printf("dateline-server: listening on http://%s:%d/\n", host.c_str(), server.port());
  std::fflush(stdout);
  server.run();
  running_server = nullptr;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return serve(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dateline-server: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "dateline-server: an exception of an unknown type\n");
  }
  return 3;
}
