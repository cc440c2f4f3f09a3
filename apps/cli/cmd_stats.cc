// SPDX-License-Identifier: Apache-2.0
// dateline stats [--db PATH]: how much the store holds.
#include <cstdio>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {

int run_stats(int argc, char** argv) {
  CLI::App app{"Print the number of stored articles, entities, people, quotes, times, events"};
  app.name("dateline stats");
  DbFlags db;
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<StoreStats> s = store->stats();
  if (!s.ok()) return fail(s.status());
  const struct {
    const char* name;
    int64_t value;
  } rows[] = {
      {"articles", s->articles}, {"entities", s->entities}, {"mentions", s->mentions},
      {"people", s->people},     {"titles", s->titles},     {"quotes", s->quotes},
      {"times", s->times},       {"events", s->events},     {"diagnostics", s->diagnostics},
      {"runs", s->runs},
  };
  std::printf("%s (schema %d)\n", db.path.c_str(), s->schema_version);
  for (const auto& r : rows) std::printf("  %-12s %lld\n", r.name, static_cast<long long>(r.value));
  return kExitOk;
}

}  // namespace dateline::cli
