// SPDX-License-Identifier: Apache-2.0
#include "commands.h"

#include <cstdio>

#include <CLI/CLI.hpp>

namespace dateline::cli {

int exit_code(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kInvalidArgument: return kExitUsage;
    case ErrorCode::kBadInput:
    case ErrorCode::kNotFound: return kExitSomeInputsFailed;
    default: return kExitError;
  }
}

int fail(const Status& status) {
  std::fprintf(stderr, "dateline: %s\n", status.to_string().c_str());
  return exit_code(status);
}

int fail_setup(const Status& status) {
  std::fprintf(stderr, "dateline: %s\n", status.to_string().c_str());
  return status.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitError;
}

std::string command_line(const char* name, int argc, char** argv) {
  std::string s = std::string("dateline ") + name;
  for (int i = 1; i < argc; ++i) {
    s += ' ';
    s += argv[i];
  }
  return s;
}

int parse_flags(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the help (exit 0) or the error; its own codes (105, 106, ...) become the
    // documented usage code.
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return -1;
}

std::span<const Command> commands() {
  static const Command kCommands[] = {
      {"extract", "analyse articles and print one JSON object (or a summary) per article",
       run_extract},
      {"ingest", "analyse articles and store them in an SQLite database (skips stored ones)",
       run_ingest},
      {"import", "store extracted articles (extract --with record) without analysing them again",
       run_import},
      {"stats", "count what the database holds", run_stats},
      {"show", "print one stored article (json as extract printed it, or text)", run_show},
      {"export", "print all stored articles (jsonl) or events (gdelt-tsv)", run_export},
      {"people", "people across articles: their articles, mentions and titles over time",
       run_people},
      {"entities", "entities across articles, most frequent first", run_entities},
      {"quotes", "stored statements by speaker, words and date", run_quotes},
      {"events", "stored events by actor, target, type and date", run_events},
      {"timeline", "dated times, statements and events in date order", run_timeline},
      {"eval segment", "score tokens, words and sentences against UD CoNLL-U gold files",
       run_eval_segment},
      {"train segmenter", "train the sentence boundary model on UD CoNLL-U files",
       run_train_segmenter},
      {"train tagger", "train the POS tagger, FEATS classifier and lemmatizer on CoNLL-U",
       run_train_tagger},
      {"train parser", "train the dependency parser on CoNLL-U", run_train_parser},
      {"train clusters", "learn hierarchical word clusters from unlabelled text",
       run_train_clusters},
      {"prune parser", "drop small weights from a parser model (smaller, faster)",
       run_prune_parser},
      {"prune tagger", "drop small weights from a tagger model (smaller)", run_prune_tagger},
      {"combine parser", "sum parsers trained with other seeds into one (a score ensemble)",
       run_combine_parser},
      {"combine tagger", "sum taggers trained with other seeds into one (a score ensemble)",
       run_combine_tagger},
      {"eval ud", "score tags, lemmas and parses against a UD CoNLL-U file (CoNLL 2018 metrics)",
       run_eval_ud},
      {"train attribution", "train the attribution tagger (source, cue, content) on PolNeAR",
       run_train_attribution},
      {"train ner", "train the named-entity model on IOB2/CoNLL and GUM files", run_train_ner},
      {"train events", "train the event trigger model (event or not, PLOVER type, CAMEO code)",
       run_train_events},
      {"eval ner", "score named entities against a gold IOB2 file (UNER English-EWT)",
       run_eval_ner},
      {"eval coref", "score person coreference against GUM CoNLL-U chains", run_eval_coref},
      {"eval events-judged", "score the event coder against a judged sample of its events",
       run_eval_events_judged},
      {"models", "list the model files a models folder needs and check those it has", run_models},
  };
  return kCommands;
}

}  // namespace dateline::cli
