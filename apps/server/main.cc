// SPDX-License-Identifier: Apache-2.0
// dateline-server: the HTTP JSON API (apps/server/api.h) and the web page (web/).
//   dateline-server [--host 127.0.0.1] [--port 8080] [--web DIR] [--db FILE]
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <httplib.h>

#include "api.h"
#include "dateline/pipeline.h"

namespace {

dateline::server::ApiRequest to_api(const httplib::Request& req) {
  dateline::server::ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.query[k] = v;
  r.content_type = req.get_header_value("Content-Type");
  r.body = req.body;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dateline HTTP JSON API and web page"};
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web = std::string(DL_SOURCE_DIR) + "/web";
  dateline::PipelineOptions options;
  std::string db = dateline::StoreOptions{}.path;  // the CLI's default store, dateline.db
  app.add_option("--host", host, "address to listen on");
  app.add_option("--port", port, "port to listen on");
  app.add_option("--web", web, "folder of the web page");
  app.add_option("--models", options.models_dir, "folder of model files");
  app.add_option("--db", db,
                 "store read by the /api/quotes, people, ... endpoints (default: dateline.db)");
  CLI11_PARSE(app, argc, argv);

  auto pipeline = dateline::Pipeline::create(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "dateline-server: %s\n", pipeline.status().to_string().c_str());
    return 3;
  }
  for (const std::string& w : pipeline->warnings()) {
    std::fprintf(stderr, "dateline-server: warning: %s\n", w.c_str());
  }
  if (!std::filesystem::exists(db)) {
    std::fprintf(stderr, "dateline-server: no store at %s yet; store endpoints answer 503\n",
                 db.c_str());
  }
  dateline::server::Api api(*pipeline, db);
  httplib::Server server;
  server.set_payload_max_length(size_t{64} << 20);
  auto bridge = [&](const httplib::Request& req, httplib::Response& res) {
    dateline::server::ApiResponse r = api.handle(to_api(req));
    res.status = r.status;
    res.set_content(r.body, r.content_type.c_str());
  };
  server.Get(R"(/api/.*)", bridge);
  server.Post(R"(/api/.*)", bridge);
  if (!server.set_mount_point("/", web)) {
    std::fprintf(stderr, "dateline-server: no web page folder at %s (API only)\n", web.c_str());
  }
  std::printf("dateline-server: listening on http://%s:%d/\n", host.c_str(), port);
  std::fflush(stdout);
  if (!server.listen(host, port)) {
    std::fprintf(stderr, "dateline-server: cannot listen on %s:%d\n", host.c_str(), port);
    return 3;
  }
  return 0;
}
