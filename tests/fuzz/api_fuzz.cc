// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the HTTP API: arbitrary requests go through the checks made before
// routing (guard.h) and, when they pass, to Api::handle() over a store of two articles, with
// the whole pipeline behind POST /api/extract. Every answer must be valid JSON (JSON Lines
// for extract) in valid UTF-8, with a status the API documents.
// Input: METHOD, PATH, HOST, CONTENT-TYPE one a line, then "key=value" lines, a blank line,
// and the body.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api.h"
#include "dateline/json.h"
#include "dateline/reader.h"
#include "guard.h"

namespace {

using namespace dateline;

struct Fixture {
  Pipeline pipeline;
  std::string db;
};

Fixture* fixture() {
  static Fixture* f = [] {
    Result<Pipeline> pipeline = Pipeline::create({});
    if (!pipeline.ok()) __builtin_trap();
    const std::string db = (std::filesystem::temp_directory_path() /
                            ("dateline_api_fuzz_" + std::to_string(getpid()) + ".db"))
                               .string();
    std::filesystem::remove(db);
    Result<Store> store = Store::open({db});
    if (!store.ok()) __builtin_trap();
    Result<int64_t> run = store->begin_run({"fuzz", "0", pipeline->fingerprint()});
    ReaderOptions reader;
    reader.default_published = "2026-05-10";
    read_article_bytes(
        "Ferry service resumes\n\nPORTVALE - Mara Quint, the council chair, said on Sunday "
        "that the ferry would run again from Monday. Police arrested two protesters.\n",
        "ferry.txt", "text/plain", reader,
        [&](Document&& doc) {
          (void)pipeline->process(doc);
          if (!store->put(doc, run.value()).ok()) __builtin_trap();
        },
        [](const Status&) { __builtin_trap(); });
    return new Fixture{std::move(pipeline).value(), db};
  }();
  return f;
}

std::string_view next_line(std::string_view& in) {
  const size_t nl = in.find('\n');
  std::string_view line = in.substr(0, nl);
  in.remove_prefix(nl == std::string_view::npos ? in.size() : nl + 1);
  return line;
}

bool valid_json(const std::string& s) {
  return !nlohmann::json::parse(s, nullptr, false).is_discarded();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Fixture& f = *fixture();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  server::ApiRequest r;
  r.method = next_line(in);
  r.path = next_line(in);
  const std::string host(next_line(in));
  r.content_type = next_line(in);
  for (std::string_view line = next_line(in); !line.empty(); line = next_line(in)) {
    const size_t eq = line.find('=');
    r.query[std::string(line.substr(0, eq))] =
        eq == std::string_view::npos ? "" : std::string(line.substr(eq + 1));
  }
  r.body = in;

  server::RequestHead head;
  head.method = r.method;
  head.path = r.path;
  head.host = host;
  head.content_type = r.content_type;
  head.content_length = r.body.size();
  head.client_header = true;  // the Content-Type rule has its own tests (guard_test.cc)
  server::GuardOptions guard;
  guard.max_body_bytes = 1 << 16;
  if (std::optional<server::ApiResponse> refused = server::check_request(head, guard)) {
    if (refused->status < 400 || !valid_json(refused->body)) __builtin_trap();
    return 0;
  }
  const server::Api api(f.pipeline, f.db, 1 << 16);
  const server::ApiResponse answer = api.handle(r);
  if (answer.status != 200 && answer.status != 400 && answer.status != 404 &&
      answer.status != 405 && answer.status != 500 && answer.status != 503) {
    __builtin_trap();
  }
  if (answer.content_type == "application/x-ndjson") {
    std::string_view lines = answer.body;
    for (std::string_view line = next_line(lines); !line.empty(); line = next_line(lines)) {
      if (!valid_json(std::string(line))) __builtin_trap();
    }
  } else if (!valid_json(answer.body)) {
    __builtin_trap();
  }
  return 0;
}
