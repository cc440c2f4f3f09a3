// SPDX-License-Identifier: Apache-2.0
// dateline quotes [--speaker NAME] [--about WORDS] [--since DATE] [--db PATH]: statements by
// date, each with its speaker, title, outlet and a pointer back (article id + byte range).
#include <cstdio>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {

int run_quotes(int argc, char** argv) {
  CLI::App app{"Find stored statements by speaker, words and date"};
  app.name("dateline quotes");
  QuoteQuery query;
  DbFlags db;
  app.add_option("--speaker", query.speaker, "speaker name or part of it (people are merged)");
  app.add_option("--about", query.about, "words that must all occur in the statement");
  app.add_option("--since", query.since, "statements dated on or after this date (ISO 8601)");
  app.add_option("--limit", query.limit, "print at most this many");
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<std::vector<QuoteRecord>> quotes = store->quotes(query);
  if (!quotes.ok()) return fail(quotes.status());
  for (const QuoteRecord& q : quotes.value()) {
    std::string who = or_dash(q.speaker);
    if (!q.title.empty()) who += " (" + q.title + ")";
    if (q.anonymous) who += " [anonymous]";
    std::printf("%-10s  %s  -- %s, %s\n    [%s] \"%s\"\n    -> %s\n",
                or_dash(q.date.empty() ? q.published : q.date).c_str(), who.c_str(),
                or_dash(q.outlet).c_str(), or_dash(q.published).c_str(), q.kind.c_str(),
                q.content.c_str(), ref_string(q.ref).c_str());
  }
  return kExitOk;
}

}  // namespace dateline::cli
