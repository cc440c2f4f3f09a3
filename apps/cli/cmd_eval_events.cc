// SPDX-License-Identifier: Apache-2.0
// dateline eval events-judged FILE [--texts JSONL] [--models DIR] [--lexicons DIR]
// Scores the current event coder against a judged sample (data/judged/*.tsv; docs/EVENTS.md,
// "Judged precision"): the articles are analysed as `dateline extract` does, and each judged
// trigger the coder still extracts is checked against its judgement. The articles are read
// from --texts, else from the file's "# texts:" header (a path relative to the repository root,
// which is the judged file's folder's grandparent: data/judged/FILE).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "events/judged_eval.h"
#include "events/training_data.h"

namespace dateline::cli {
namespace {

// The "# texts: PATH" header of a judgements file, resolved against the repository root.
std::string texts_from_header(const std::string& judged) {
  std::ifstream in(judged);
  std::string line;
  while (std::getline(in, line) && line.starts_with("#")) {
    const std::string key = "# texts:";
    if (!line.starts_with(key)) continue;
    std::string rel = line.substr(key.size());
    while (!rel.empty() && rel.front() == ' ') rel.erase(rel.begin());
    const std::filesystem::path root =
        std::filesystem::absolute(judged).parent_path().parent_path().parent_path();
    return (root / rel).lexically_normal().string();
  }
  return "";
}

}  // namespace

int run_eval_events_judged(int argc, char** argv) {
  CLI::App app{"Score the event coder against a judged sample of its events"};
  app.name("dateline eval events-judged");
  std::string file, texts, models, lexicons;
  double min_events = 0;
  bool list = false;
  app.add_option("file", file, "judgements (data/judged/*.tsv)")->required();
  app.add_option("--texts", texts, "the judged articles (JSON Lines); default: the file's header");
  app.add_option("--models", models, "models folder (default: the built-in one)");
  app.add_option("--lexicons", lexicons, "lexicons folder (default: the built-in one)");
  app.add_option("--min-event-precision", min_events,
                 "exit 1 when the share of events is below this");
  app.add_flag("--list", list, "print each judged trigger still extracted: judgement, event, note");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  auto judged = events::read_judged_events(file);
  if (!judged.ok()) return fail(judged.status());
  if (texts.empty()) texts = texts_from_header(file);
  if (texts.empty()) {
    return fail(error(ErrorCode::kInvalidArgument, file + ": no '# texts:' header; give --texts"));
  }
  std::map<std::string, std::vector<const events::JudgedEvent*>> by_doc;
  for (const events::JudgedEvent& j : *judged) by_doc[j.doc].push_back(&j);
  PipelineOptions po;
  po.models_dir = models;
  po.lexicons_dir = lexicons;
  auto pipeline = Pipeline::create(po);
  if (!pipeline.ok()) return fail(pipeline.status());
  events::JudgedScores scores;
  std::string listing;
  Status read_error = ok_status();
  int articles = 0;
  read_articles(
      {texts}, ReaderOptions{},
      [&](Document&& doc) {
        auto it = by_doc.find(doc.meta.id);
        if (it == by_doc.end()) return;
        if (Status s = pipeline->process(doc); !s.ok()) read_error = s;
        events::score_judged(doc, it->second, scores, list ? &listing : nullptr);
        by_doc.erase(it);
        ++articles;
      },
      [&](const Status& s) { read_error = s; });
  if (!read_error.ok()) return fail(read_error);
  for (const auto& [doc, js] : by_doc) {
    std::fprintf(stderr, "dateline: %s: article '%s' of %zu judgements not found in %s\n",
                 file.c_str(), doc.c_str(), js.size(), texts.c_str());
  }
  std::printf("%s%s: %d articles\n%s", listing.c_str(), file.c_str(), articles,
              events::format_judged(scores).c_str());
  if (!by_doc.empty()) return kExitSomeInputsFailed;
  return scores.event_precision() >= min_events ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace dateline::cli
