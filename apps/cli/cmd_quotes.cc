// SPDX-License-Identifier: Apache-2.0
// dateline quotes [--speaker NAME] [--about WORDS] [--since DATE] [--db PATH]: statements by
// date, each with its speaker, title, outlet and a pointer back (article id + byte range).
#include <cstdio>
#include <string_view>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {
namespace {

// A quotation's content as printed: as written when it starts or ends with a quotation mark
// of its own (a direct quotation), else between a pair.
std::string quoted(const std::string& content) {
  static constexpr std::string_view kMarks[] = {"\"",     "\u201C", "\u201D", "\u2018",
                                                "\u2019", "\u00AB", "\u00BB"};
  const std::string_view s = content;
  for (std::string_view m : kMarks) {
    if (s.starts_with(m) || s.ends_with(m)) return content;
  }
  return "\"" + content + "\"";
}

}  // namespace

int run_quotes(int argc, char** argv) {
  CLI::App app{"Find stored statements by speaker, words and date"};
  app.name("dateline quotes");
  FilterValues filters;
  DbFlags db;
  add_filter_flags(app, quote_filters(), filters);
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<QuoteQuery> query = make_quote_query(filters);
  if (!query.ok()) return fail(as_flag_error(query.status()));
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<std::vector<QuoteRecord>> quotes = store->quotes(*query);
  if (!quotes.ok()) return fail(quotes.status());
  for (const QuoteRecord& q : quotes.value()) {
    std::string who = or_dash(q.speaker);
    if (!q.title.empty()) who += " (" + q.title + ")";
    if (q.anonymous) who += " [anonymous]";
    const std::string reports = q.reports > 1 ? "  (statement " + std::to_string(q.statement) +
                                                    ": " + std::to_string(q.reports) + " reports)"
                                              : "";
    std::printf("%-10s  %s  -- %s, %s%s\n    [%s] %s %s\n    -> %s\n",
                or_dash(q.date.empty() ? q.published : q.date).c_str(), who.c_str(),
                or_dash(q.outlet).c_str(), or_dash(q.published).c_str(), reports.c_str(),
                q.kind.c_str(), or_dash(q.cue).c_str(), quoted(q.content).c_str(),
                ref_string(q.ref).c_str());
  }
  return kExitOk;
}

}  // namespace dateline::cli
