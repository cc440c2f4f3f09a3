// SPDX-License-Identifier: Apache-2.0
// dateline timeline [--from DATE] [--to DATE] [--entity NAME] [--db PATH]: time
// expressions, statements and events ordered by the days they refer to.
#include <cstdio>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {

int run_timeline(int argc, char** argv) {
  CLI::App app{"Print dated times, quotes and events in date order"};
  app.name("dateline timeline");
  FilterValues filters;
  DbFlags db;
  add_filter_flags(app, timeline_filters(), filters);
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<TimelineQuery> query = make_timeline_query(filters);
  if (!query.ok()) return fail(as_flag_error(query.status()));
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<std::vector<TimelineEntry>> entries = store->timeline(*query);
  if (!entries.ok()) return fail(entries.status());
  for (const TimelineEntry& e : entries.value()) {
    std::printf("%-10s  %-5s  %s    -> %s\n", e.date.c_str(), e.kind.c_str(), e.summary.c_str(),
                ref_string(e.ref).c_str());
  }
  return kExitOk;
}

}  // namespace dateline::cli
