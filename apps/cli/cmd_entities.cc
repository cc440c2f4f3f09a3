// SPDX-License-Identifier: Apache-2.0
// dateline entities [--type T] [--name TEXT] [--db PATH]: entities over all articles,
// grouped by name and type, most frequent first.
#include <cstdio>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {

int run_entities(int argc, char** argv) {
  CLI::App app{"List entities over all stored articles, most frequent first"};
  app.name("dateline entities");
  FilterValues filters;
  DbFlags db;
  add_filter_flags(app, entity_filters(), filters);
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<EntityQuery> query = make_entity_query(filters);
  if (!query.ok()) return fail(as_flag_error(query.status()));
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<std::vector<EntityRecord>> entities = store->entities(*query);
  if (!entities.ok()) return fail(entities.status());
  std::printf("%-7s %-36s %8s %8s  %-7s %-10s %s\n", "type", "name", "articles", "mentions",
              "country", "wikidata", "published");
  for (const EntityRecord& e : entities.value()) {
    std::string dates = e.first_published == e.last_published
                            ? or_dash(e.first_published)
                            : or_dash(e.first_published) + ".." + or_dash(e.last_published);
    std::printf("%-7s %-36s %8lld %8lld  %-7s %-10s %s\n", e.type.c_str(), e.name.c_str(),
                static_cast<long long>(e.articles), static_cast<long long>(e.mentions),
                or_dash(e.country).c_str(), or_dash(e.wikidata).c_str(), dates.c_str());
  }
  return kExitOk;
}

}  // namespace dateline::cli
