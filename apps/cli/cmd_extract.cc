// SPDX-License-Identifier: Apache-2.0
// dateline extract [FILES|DIRS|-]... [--format jsonl|json|text] [--threads N]
// With "-", JSON Lines on stdin are read and answered a line at a time (a filter for
// Spark's RDD.pipe, Hadoop Streaming, GNU parallel); in jsonl, a line of stdin that cannot be
// read is an error line in its place ({"error": ...}, json.h) and the rest goes on.
#include <iostream>
#include <optional>

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

  // Workers analyse and render; this thread reads and writes, in input order. An input
  // that could not be read travels through the pool too, so that its error line (jsonl)
  // stands where the article would have, whatever the number of threads.
  struct Item {
    std::optional<Document> doc;
    Status error;  // when there is no doc
    InputPosition at;
    bool error_line = false;  // print the error as a line of the output
  };
  struct Rendered {
    std::string out;
    Status status;
    size_t words = 0, text_bytes = 0;
    std::string path;
    bool input_failed = false;
  };
  const int threads = flags.worker_threads();
  Progress progress("extract", inputs, !flags.quiet, threads);
  int failed = 0;
  bool first = true;
  if (format == "json") std::cout << "[\n";
  OrderedPool<Item, Rendered> pool(
      threads,
      [&](Item&& item) {
        Rendered r;
        if (!item.doc) {
          r.input_failed = true;
          r.status = std::move(item.error);
          if (item.error_line) {
            r.out = error_json(r.status, item.at.input, item.at.line, item.at.byte);
          }
          return r;
        }
        Document& doc = *item.doc;
        r.status = pipeline->process(doc);
        r.out = format == "text" ? to_text(doc) : to_json(doc, json);
        r.words = doc.tokens.size();
        r.text_bytes = doc.text.size();
        r.path = std::move(doc.meta.path);
        return r;
      },
      [&](Rendered&& r) {
        if (r.input_failed) {
          ++failed;
          progress.error();
          progress.message("dateline: " + r.status.to_string());
          if (!r.out.empty()) std::cout << r.out << "\n";
          return;
        }
        if (!r.status.ok()) progress.message("dateline: " + r.status.to_string());
        progress.article(r.words, r.text_bytes, r.path);
        if (format == "json") {
          std::cout << (first ? "" : ",\n") << r.out;
        } else {
          std::cout << r.out << "\n";
        }
        first = false;
      });
  ReaderOptions reader = flags.reader;
  // Before the reader waits for stdin, what was read is written: a process at the other end
  // of a pipe gets each article's line before it sends the next.
  reader.on_wait = [&] {
    pool.drain();
    std::cout.flush();
  };
  // Error lines only where a line of output answers each line of input, stdin: files keep
  // their errors on stderr, so that every line read from `extract FILE` is an article.
  for (const std::string& input : inputs) {
    const bool error_lines = input == "-" && format == "jsonl";
    read_articles(
        {input}, reader,
        [&](Document&& doc) {
          pool.submit(Item{std::move(doc), {}, {}});
        },
        [&](const Status& s, const InputPosition& at) {
          pool.submit(Item{std::nullopt, s, at, error_lines});
        });
  }
  pool.finish();
  if (format == "json") std::cout << "\n]\n";
  std::cout.flush();
  progress.finish();
  return failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace dateline::cli
