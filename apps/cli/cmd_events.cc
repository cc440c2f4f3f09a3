// SPDX-License-Identifier: Apache-2.0
// dateline events [--actor CODE] [--target CODE] [--type TYPE] [--from DATE] [--db PATH]:
// coded events by date. Codes match as prefixes (--actor USA finds USAGOV); TYPE is a PLOVER
// type (ASSAULT) or a CAMEO code prefix (19).
#include <cstdio>

#include "commands.h"
#include "dateline/plover.h"
#include "store_flags.h"

namespace dateline::cli {

int run_events(int argc, char** argv) {
  CLI::App app{"Find stored events by actor, target, type and date"};
  app.name("dateline events");
  FilterValues filters;
  DbFlags db;
  add_filter_flags(app, event_filters(), filters);
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<EventQuery> query = make_event_query(filters);
  if (!query.ok()) return fail(as_flag_error(query.status()));
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<std::vector<EventRecord>> events = store->events(*query);
  if (!events.ok()) return fail(events.status());
  for (const EventRecord& e : events.value()) {
    std::string actor = e.actor_code.empty() ? "-" : e.actor_code;
    if (!e.actor_text.empty()) actor += " (" + e.actor_text + ")";
    std::string target = e.target_code.empty() ? "-" : e.target_code;
    if (!e.target_text.empty()) target += " (" + e.target_text + ")";
    std::string action =
        e.plover + (e.plover_mode.empty() ? "" : "/" + e.plover_mode) + " cameo " + e.cameo;
    if (e.negated) action += " NEGATED";
    if (!e.modality.empty()) action += " [" + e.modality + "]";
    if (e.reports > 1) {
      action +=
          " (event " + std::to_string(e.group) + ": " + std::to_string(e.reports) + " reports)";
    }
    std::printf("%-10s  %s  %s  %s  \"%s\"%s%s\n    -> %s\n",
                or_dash(e.date.empty() ? e.published : e.date).c_str(), actor.c_str(),
                action.c_str(), target.c_str(), e.trigger.c_str(),
                e.place_name.empty() ? "" : " @ ", e.place_name.c_str(), ref_string(e.ref).c_str());
  }
  return kExitOk;
}

}  // namespace dateline::cli
