// SPDX-License-Identifier: Apache-2.0
// dateline import FILES... [--db PATH] [--batch N]: stores the JSON Lines of `dateline extract
// --with record` without analysing the articles again. With `extract -` on shards, this is
// how a distributed run (docs/SCALE.md) ends in one store.
// Files are read a line at a time, in the order given, and written in batched transactions
// as ingest writes; an article already stored (same content hash) is skipped, so importing
// the same files twice stores each article once. A line that is not a record (bad JSON, an
// extract error line, a span outside its text) is reported with its file and line, kept as a
// diagnostic of the run, and the rest goes on.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli_options.h"
#include "commands.h"
#include "dateline/json.h"
#include "dateline/version.h"
#include "progress.h"
#include "store_flags.h"

namespace dateline::cli {

int run_import(int argc, char** argv) {
  CLI::App app{"Store extracted articles (extract --with record) without analysing them again"};
  app.name("dateline import");
  std::vector<std::string> inputs;
  DbFlags db;
  size_t batch_size = 64;
  bool quiet = false;
  app.add_option("inputs", inputs, "JSON Lines files written by extract --with record, or -")
      ->required();
  db.add_to(app);
  app.add_option("--batch", batch_size, "articles per transaction (default 64)")
      ->check(CLI::Range(1, 100000));
  app.add_flag("--quiet,-q", quiet, "no progress line on stderr (only the final summary)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;

  Result<Store> store = db.open_for_writing();
  if (!store.ok()) return fail_setup(store.status());
  Result<int64_t> run = store->begin_run({command_line("import", argc, argv), kVersion, ""});
  if (!run.ok()) return fail(run.status());

  Progress progress("import", inputs, !quiet, 1);
  int64_t read = 0, stored = 0, duplicates = 0, failed = 0;
  int64_t lost = 0;  // articles of a batch rolled back by a database error
  Status fatal;      // a database error: stop writing, report, exit non-zero
  std::vector<Document> batch;
  // A bad line: reported, kept with the run, counted; the rest goes on.
  auto reject = [&](const std::string& input, const Status& s) {
    ++failed;
    progress.error();
    progress.message("dateline: " + s.to_string());
    if (fatal.ok()) {
      fatal = store->add_input_diagnostic(run.value(), input,
                                          {error_code_name(s.code()), s.to_string(), -1});
    }
  };
  auto flush = [&]() {
    if (batch.empty() || !fatal.ok()) return;
    int64_t batch_stored = 0, batch_duplicates = 0;
    fatal = store->begin_batch();
    for (const Document& doc : batch) {
      if (!fatal.ok()) break;
      Result<PutOutcome> put = store->put(doc, run.value());
      if (put.ok()) {
        ++(put.value() == PutOutcome::kStored ? batch_stored : batch_duplicates);
      } else if (put.status().code() == ErrorCode::kBadInput) {
        reject(doc.meta.path, put.status());
      } else {
        fatal = put.status();
      }
    }
    if (fatal.ok()) fatal = store->commit_batch();
    if (fatal.ok()) {
      stored += batch_stored;
      duplicates += batch_duplicates;
    } else {
      (void)store->rollback_batch();  // the error that made us roll back is the one to report
      lost += static_cast<int64_t>(batch.size());
    }
    batch.clear();
  };

  for (const std::string& input : inputs) {
    std::ifstream file;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        reject(input, error(ErrorCode::kNotFound, input + ": cannot open"));
        continue;
      }
    }
    std::istream& in = input == "-" ? std::cin : file;
    std::string line;
    for (size_t line_no = 1; fatal.ok() && std::getline(in, line); ++line_no) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      ++read;
      const std::string where = input + ":" + std::to_string(line_no);
      Result<Document> doc = from_json(line, where);
      if (!doc.ok()) {
        reject(input, doc.status());
        continue;
      }
      progress.article(doc->tokens.size(), doc->text.size(), where);
      batch.push_back(std::move(doc).value());
      if (batch.size() >= batch_size) flush();
    }
    if (in.bad()) reject(input, error(ErrorCode::kIo, input + ": read error"));
  }
  flush();
  lost += static_cast<int64_t>(batch.size());  // left unwritten after a database error
  Status finished = store->finish_run(run.value(), fatal.ok() ? "completed" : "failed", read,
                                      stored, duplicates, failed);
  progress.finish();
  std::printf("%s: read %lld, stored %lld, skipped as duplicate %lld, failed %lld\n",
              db.path.c_str(), static_cast<long long>(read), static_cast<long long>(stored),
              static_cast<long long>(duplicates), static_cast<long long>(failed));
  std::fflush(stdout);
  if (lost > 0) {
    std::fprintf(stderr,
                 "dateline: the last batch (%lld articles) was rolled back; run the same command "
                 "again to store it\n",
                 static_cast<long long>(lost));
  }
  if (!fatal.ok()) return fail_setup(fatal);
  if (!finished.ok()) return fail(finished);
  return failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace dateline::cli
