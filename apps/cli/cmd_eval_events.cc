// SPDX-License-Identifier: Apache-2.0
// dateline eval events-judged FILE [--texts JSONL] [--models DIR] [--lexicons DIR]
// Scores the current event coder against a judged sample (data/judged/*.tsv; docs/EVENTS.md,
// "Judged precision"): flags here, the work in events::evaluate_judged (src/events/
// judged_eval.h). The articles are read from --texts, else from the file's "# texts:" header.
#include <cstdio>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "events/judged_eval.h"

namespace dateline::cli {

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
  if (texts.empty()) texts = events::judged_texts_path(file);
  if (texts.empty()) {
    return fail(error(ErrorCode::kInvalidArgument, file + ": no '# texts:' header; give --texts"));
  }
  PipelineOptions po;
  po.models_dir = models;
  po.lexicons_dir = lexicons;
  auto pipeline = Pipeline::create(po);
  if (!pipeline.ok()) return fail(pipeline.status());
  std::string listing;
  std::vector<std::string> missing;
  auto scores = events::evaluate_judged(
      file, texts, [&](Document& doc) { return pipeline->process(doc); },
      list ? &listing : nullptr, missing);
  if (!scores.ok()) return fail(scores.status());
  for (const std::string& m : missing) {
    std::fprintf(stderr, "dateline: %s: %s\n", file.c_str(), m.c_str());
  }
  std::printf("%s%s: %d articles\n%s", listing.c_str(), file.c_str(), scores->articles,
              events::format_judged(*scores).c_str());
  if (!missing.empty()) return kExitSomeInputsFailed;
  return scores->event_precision() >= min_events ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace dateline::cli
