// SPDX-License-Identifier: Apache-2.0
#include "cli_options.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "dateline/parallel.h"
#include "dateline/models.h"

namespace dateline::cli {

namespace {

// --published: the value becomes its ISO form ("March 6, 2026" -> "2026-03-06"); anything
// that is not a date ("yesterday") is a usage error, so it is never stored as one.
const CLI::Validator kPublicationDate(
    [](std::string& value) -> std::string {
      Result<std::string> iso = parse_publication_date(value, "value");
      if (!iso.ok()) return iso.status().message().substr(std::string_view("value: ").size());
      value = std::move(iso).value();
      return "";
    },
    "DATE");

}  // namespace

void AnalysisFlags::add_to(CLI::App& app) {
  app.add_option("--models", pipeline.models_dir, "folder of model files (default: models/)");
  app.add_option("--lexicons", pipeline.lexicons_dir,
                 "folder of lexicons (default: data/lexicons/)");
  app.add_option("--dictionaries", pipeline.dictionaries_dir,
                 "folder of PETRARCH/Phoenix dictionaries to load as well");
  app.add_option("--anchor-date", pipeline.anchor_date,
                 "resolve relative dates against this date when an article states none");
  app.add_option("--published", reader.default_published,
                 "publication date for articles that state none (ISO 8601)")
      ->transform(kPublicationDate);
  app.add_option("--max-bytes", reader.max_input_bytes,
                 "skip articles larger than this (bytes; default 8 MiB)");
  app.add_option("--max-jsonl-bytes", reader.max_json_lines_bytes,
                 "skip JSON Lines inputs larger than this (bytes; default 1 GiB)");
  app.add_option("--with", with,
                 "add to the JSON: tokens, sentences, syntax, or record (all that `dateline "
                 "import` needs to store the article: the text, sentences, tokens, mentions)")
      ->delimiter(',')
      ->check(CLI::IsMember({"tokens", "sentences", "syntax", "record"}));
  app.add_option("--stdin-name", reader.stdin_name,
                 "the name - (stdin) goes by in paths, ids and messages, e.g. the shard's file "
                 "name (default: -)");
  app.add_option("--threads", threads,
                 "articles analysed at once (default 0: one per core); the output is the same "
                 "for any number")
      ->check(CLI::Range(0, 1024));
  app.add_flag("--quiet,-q", quiet, "no progress line on stderr (only the final summary)");
  // Notes (what a WARC file held besides its pages) go to stderr beside the errors.
  reader.on_note = [](const std::string& note) {
    std::fprintf(stderr, "dateline: note: %s\n", note.c_str());
  };
}

void print_warnings(const Pipeline& pipeline) {
  for (const std::string& w : pipeline.warnings()) {
    std::fprintf(stderr, "dateline: warning: %s\n", w.c_str());
  }
}

void warn_missing_models(const std::string& dir, const std::vector<std::string>& files) {
  for (const std::string& w : missing_model_warnings(dir, files)) {
    std::fprintf(stderr, "dateline: warning: %s\n", w.c_str());
  }
}

int AnalysisFlags::worker_threads() const { return threads > 0 ? threads : default_threads(); }

JsonOptions AnalysisFlags::json_options(bool pretty) const {
  auto has = [&](const char* w) { return std::find(with.begin(), with.end(), w) != with.end(); };
  JsonOptions o;
  o.with_tokens = has("tokens");
  o.with_sentences = has("sentences");
  o.with_syntax = has("syntax");
  o.with_record = has("record");
  o.pretty = pretty;
  return o;
}

}  // namespace dateline::cli
