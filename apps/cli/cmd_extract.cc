// SPDX-License-Identifier: Apache-2.0
// dateline extract [FILES|DIRS|-]... [--format jsonl|json|text]
#include <cstdio>
#include <iostream>

#include "cli_options.h"
#include "commands.h"

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

  int failed = 0;
  bool first = true;
  if (format == "json") std::cout << "[\n";
  read_articles(
      inputs, flags.reader,
      [&](Document&& doc) {
        Status s = pipeline->process(doc);
        if (!s.ok()) std::fprintf(stderr, "dateline: %s\n", s.to_string().c_str());
        if (format == "text") {
          std::cout << to_text(doc) << "\n";
        } else if (format == "json") {
          std::cout << (first ? "" : ",\n") << to_json(doc, json);
        } else {
          std::cout << to_json(doc, json) << "\n";
        }
        first = false;
      },
      [&](const Status& s) {
        ++failed;
        std::fprintf(stderr, "dateline: %s\n", s.to_string().c_str());
      });
  if (format == "json") std::cout << "\n]\n";
  std::cout.flush();
  return failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace dateline::cli
