// SPDX-License-Identifier: Apache-2.0
#include "cli_options.h"

#include <algorithm>
#include <cstdio>

namespace dateline::cli {

void AnalysisFlags::add_to(CLI::App& app) {
  app.add_option("--models", pipeline.models_dir, "folder of model files (default: models/)");
  app.add_option("--lexicons", pipeline.lexicons_dir,
                 "folder of lexicons (default: data/lexicons/)");
  app.add_option("--dictionaries", pipeline.dictionaries_dir,
                 "folder of PETRARCH/Phoenix dictionaries to load as well");
  app.add_option("--anchor-date", pipeline.anchor_date,
                 "resolve relative dates against this date when an article states none");
  app.add_option("--published", reader.default_published,
                 "publication date for articles that state none (ISO 8601)");
  app.add_option("--max-bytes", reader.max_input_bytes, "skip inputs larger than this");
  app.add_option("--with", with, "add to the JSON: tokens, sentences, syntax")
      ->delimiter(',')
      ->check(CLI::IsMember({"tokens", "sentences", "syntax"}));
  // Notes (what a WARC file held besides its pages) go to stderr beside the errors.
  reader.on_note = [](const std::string& note) {
    std::fprintf(stderr, "dateline: note: %s\n", note.c_str());
  };
}

JsonOptions AnalysisFlags::json_options(bool pretty) const {
  auto has = [&](const char* w) { return std::find(with.begin(), with.end(), w) != with.end(); };
  JsonOptions o;
  o.with_tokens = has("tokens");
  o.with_sentences = has("sentences");
  o.with_syntax = has("syntax");
  o.pretty = pretty;
  return o;
}

}  // namespace dateline::cli
