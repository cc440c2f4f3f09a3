// SPDX-License-Identifier: Apache-2.0
// dateline ingest INPUTS... [--db PATH] [--batch N]: analyse articles and store them.
// Articles already stored (same content hash) are skipped before analysis, so a second run
// over the same inputs, or a rerun after a crash, only does the missing work.
#include <cstdio>
#include <unordered_set>

#include "cli_options.h"
#include "commands.h"
#include "dateline/version.h"
#include "store_flags.h"

namespace dateline::cli {
int run_ingest(int argc, char** argv) {
  CLI::App app{"Analyse articles and store them in the database (skipping stored ones)"};
  app.name("dateline ingest");
  std::vector<std::string> inputs;
  DbFlags db;
  AnalysisFlags flags;
  size_t batch_size = 64;
  app.add_option("inputs", inputs, "files, directories (recursive) or - for stdin")->required();
  db.add_to(app);
  app.add_option("--batch", batch_size, "articles per transaction (default 64)")
      ->check(CLI::Range(1, 100000));
  flags.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (!flags.with.empty()) {
    std::fprintf(stderr,
                 "dateline: --with is ignored by ingest: the store keeps the default JSON\n");
  }

  Result<Store> store = db.open_for_writing();
  if (!store.ok()) return fail_setup(store.status());
  Result<Pipeline> pipeline = Pipeline::create(flags.pipeline);
  if (!pipeline.ok()) return fail_setup(pipeline.status());
  print_warnings(*pipeline);
  Result<int64_t> run =
      store->begin_run({command_line("ingest", argc, argv), kVersion, pipeline->fingerprint()});
  if (!run.ok()) return fail(run.status());

  // Counts of what is committed: a batch's stored and duplicate articles count only once
  // the batch is, so the report and the run row never claim rows that a failed commit lost.
  int64_t read = 0, stored = 0, duplicates = 0, failed = 0;
  int64_t lost = 0;  // analysed articles of a batch rolled back by a database error
  Status fatal;      // a database error: stop writing, report, exit non-zero
  std::vector<Document> batch;
  std::unordered_set<std::string> pending;  // hashes in `batch`: a repeat in one batch
  auto flush = [&]() {
    if (batch.empty() || !fatal.ok()) return;
    int64_t batch_stored = 0, batch_duplicates = 0, batch_failed = 0;
    fatal = store->begin_batch();
    for (const Document& doc : batch) {
      if (!fatal.ok()) break;
      Result<PutOutcome> put = store->put(doc, run.value());
      if (put.ok()) {
        ++(put.value() == PutOutcome::kStored ? batch_stored : batch_duplicates);
      } else if (put.status().code() == ErrorCode::kBadInput) {
        // One inconsistent document is a diagnostic; the batch goes on.
        ++batch_failed;
        std::fprintf(stderr, "dateline: %s\n", put.status().to_string().c_str());
        fatal = store->add_input_diagnostic(run.value(), doc.meta.path,
                                            {"not_stored", put.status().to_string(), -1});
      } else {
        fatal = put.status();
      }
    }
    if (fatal.ok()) fatal = store->commit_batch();
    if (fatal.ok()) {
      stored += batch_stored;
      duplicates += batch_duplicates;
      failed += batch_failed;
    } else {
      (void)store->rollback_batch();  // the error that made us roll back is the one to report
      lost += static_cast<int64_t>(batch.size());
    }
    batch.clear();
    pending.clear();
  };
  read_articles(
      inputs, flags.reader,
      [&](Document&& doc) {
        ++read;
        if (!fatal.ok()) return;
        Result<bool> known = store->contains(doc.content_hash);
        if (!known.ok()) {
          fatal = known.status();
          return;
        }
        if (known.value() || pending.count(doc.content_hash)) {
          ++duplicates;
          return;
        }
        Status s = pipeline->process(doc);
        if (!s.ok()) std::fprintf(stderr, "dateline: %s\n", s.to_string().c_str());
        pending.insert(doc.content_hash);
        batch.push_back(std::move(doc));
        if (batch.size() >= batch_size) flush();
      },
      [&](const Status& s) {
        ++failed;
        std::fprintf(stderr, "dateline: %s\n", s.to_string().c_str());
        if (fatal.ok()) {
          // Reader messages start with the input's name ("dir/a.html: byte 12: ...").
          const std::string input = s.message().substr(0, s.message().find(": "));
          fatal = store->add_input_diagnostic(run.value(), input,
                                              {error_code_name(s.code()), s.to_string(), -1});
        }
      });
  flush();
  lost += static_cast<int64_t>(batch.size());  // left unwritten after a database error
  Status finished = store->finish_run(run.value(), fatal.ok() ? "completed" : "failed", read,
                                      stored, duplicates, failed);
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
