// SPDX-License-Identifier: Apache-2.0
#include "cli_options.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "model/manifest.h"

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
}

void print_warnings(const Pipeline& pipeline) {
  for (const std::string& w : pipeline.warnings()) {
    std::fprintf(stderr, "dateline: warning: %s\n", w.c_str());
  }
}

void warn_missing_models(const std::string& dir, std::initializer_list<const char*> files) {
  const model::ModelsCheck check = model::check_models_dir(dir, false);
  for (const model::ModelSpec* spec : check.missing_optional) {
    for (const char* f : files) {
      if (std::string_view(f) == spec->file) {
        std::fprintf(stderr, "dateline: warning: %s\n",
                     model::missing_model_message(dir, *spec).c_str());
      }
    }
  }
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
