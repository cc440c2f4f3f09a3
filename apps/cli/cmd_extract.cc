// SPDX-License-Identifier: Apache-2.0
// dateline extract [FILES|DIRS|-]... [--format jsonl|json|text] [--threads N]
#include <iostream>

#include "cli_options.h"
#include "commands.h"
#include "dateline/parallel.h"
#include "progress.h"

namespace dateline::cli {

int run_extract(int argc, char** argv) {
  CLI::App app{"Analyse articles and print what was found, one JSON object per article"};
  app.name("dateline extract");
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  AnalysisFlags flags;
  app.add_option("inputs", inputs, "files, directories (recursive) or - for stdin")->required();
  app.add_option("--format", format, "jsonl (one object a line), json (an indented array), text")
      ->check(CLI::IsMember({"jsonl", "json", "text"}));
  flags.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;

  auto pipeline = Pipeline::create(flags.pipeline);
  if (!pipeline.ok()) return fail_setup(pipeline.status());
  print_warnings(*pipeline);
  const JsonOptions json = flags.json_options(format == "json");

  // Workers analyse and render; this thread reads and writes, in input order.
  struct Rendered {
    std::string out;
    Status status;
    size_t words = 0, text_bytes = 0;
    std::string path;
  };
  const int threads = flags.worker_threads();
  Progress progress("extract", inputs, !flags.quiet, threads);
  int failed = 0;
  bool first = true;
  if (format == "json") std::cout << "[\n";
  OrderedPool<Document, Rendered> pool(
      threads,
      [&](Document&& doc) {
        Rendered r;
        r.status = pipeline->process(doc);
        r.out = format == "text" ? to_text(doc) : to_json(doc, json);
        r.words = doc.tokens.size();
        r.text_bytes = doc.text.size();
        r.path = std::move(doc.meta.path);
        return r;
      },
      [&](Rendered&& r) {
        if (!r.status.ok()) progress.message("dateline: " + r.status.to_string());
        progress.article(r.words, r.text_bytes, r.path);
        if (format == "json") {
          std::cout << (first ? "" : ",\n") << r.out;
        } else {
          std::cout << r.out << "\n";
        }
        first = false;
      });
  read_articles(
      inputs, flags.reader, [&](Document&& doc) { pool.submit(std::move(doc)); },
      [&](const Status& s) {
        ++failed;
        progress.error();
        progress.message("dateline: " + s.to_string());
      });
  pool.finish();
  if (format == "json") std::cout << "\n]\n";
  std::cout.flush();
  progress.finish();
  return failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace dateline::cli
