// SPDX-License-Identifier: Apache-2.0
#pragma once
// The CLI's subcommands. Each lives in its own cmd_<name>.cc, parses its own flags with
// CLI11, calls the library facade and maps errors to exit codes (see exit_code()).

#include <span>
#include <string>
#include <vector>

#include "dateline/status.h"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace dateline::cli {

/// Exit codes: 0 ok, 1 some inputs failed (others went on), 2 usage, 3 data/database error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeInputsFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitError = 3;

int exit_code(const Status& status);

/// Prints "dateline: <status>" to stderr and returns its exit code.
int fail(const Status& status);

/// For a failure to set up the command (the database, the models): prints it and returns
/// kExitError, or kExitUsage when a flag's value was malformed. A missing --db folder or
/// --models folder is a data error (3), not a failed input (1).
int fail_setup(const Status& status);

/// "dateline <name> <argv[1]> <argv[2]> ...": the command line a trainer records in its
/// model's header.
std::string command_line(const char* name, int argc, char** argv);

/// Parses argv into `app`. Returns -1 when the command should go on; otherwise CLI11 has
/// printed help (the return value is kExitOk) or a usage error (kExitUsage).
int parse_flags(CLI::App& app, int argc, char** argv);

struct Command {
  const char* name;     ///< "extract", or "eval segment" for a two-word command
  const char* summary;  ///< one line for `dateline --help`
  /// Runs with argv[0] being the command name (or the second word of a two-word command).
  int (*run)(int argc, char** argv);
};

/// All commands, in the order `dateline --help` lists them.
std::span<const Command> commands();

int run_extract(int argc, char** argv);
// Store commands (apps/cli/cmd_<name>.cc over include/dateline/store.h).
int run_ingest(int argc, char** argv);
int run_import(int argc, char** argv);
int run_stats(int argc, char** argv);
int run_show(int argc, char** argv);
int run_export(int argc, char** argv);
int run_people(int argc, char** argv);
int run_entities(int argc, char** argv);
int run_quotes(int argc, char** argv);
int run_events(int argc, char** argv);
int run_timeline(int argc, char** argv);
int run_eval_segment(int argc, char** argv);
int run_train_segmenter(int argc, char** argv);
int run_train_tagger(int argc, char** argv);
int run_train_parser(int argc, char** argv);
int run_train_clusters(int argc, char** argv);
int run_prune_parser(int argc, char** argv);
int run_combine_parser(int argc, char** argv);
int run_combine_tagger(int argc, char** argv);
int run_prune_tagger(int argc, char** argv);
int run_eval_ud(int argc, char** argv);
int run_train_attribution(int argc, char** argv);
int run_train_events(int argc, char** argv);
int run_eval_events_judged(int argc, char** argv);
int run_train_ner(int argc, char** argv);
int run_eval_ner(int argc, char** argv);
int run_eval_coref(int argc, char** argv);
int run_models(int argc, char** argv);

}  // namespace dateline::cli
