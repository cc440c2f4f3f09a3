// SPDX-License-Identifier: Apache-2.0
#include "dateline/filters.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(Filters, ValuesAreCheckedByKind) {
  static const struct {
    FilterValues values;
    const char* error;  ///< part of the message, or "" when the values are accepted
  } kTests[] = {
      {{}, ""},
      {{{"type", "assault"}, {"limit", "5"}}, ""},
      {{{"type", "19"}, {"from", "2026-W10"}, {"to", "2026-03"}}, ""},
      {{{"type", "FOO"}}, "type: 'FOO' is neither a PLOVER event type"},
      {{{"type", "1a"}}, "type: '1A' is neither"},
      {{{"limit", "0"}}, "limit: '0' is not a whole number of at least 1"},
      {{{"limit", "-3"}}, "limit: '-3'"},
      {{{"limit", "2x"}}, "limit: '2x'"},
      {{{"from", "yesterday"}}, "from: 'yesterday' is not a date"},
      {{{"to", "2026-13-01"}}, "to: '2026-13-01' is not a date"},
      {{{"actr", "USA"}}, "actr: not a filter of this query (it takes: actor, target"},
      {{{"limit", ""}}, ""},  // empty: no filter
  };
  for (const auto& t : kTests) {
    Result<EventQuery> q = make_event_query(t.values);
    if (*t.error == '\0') {
      EXPECT_TRUE(q.ok()) << q.status().to_string();
    } else {
      ASSERT_FALSE(q.ok()) << t.error;
      EXPECT_EQ(q.status().code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(q.status().message().find(t.error), std::string::npos) << q.status().message();
    }
  }
}

TEST(Filters, ValuesReachTheirQuery) {
  Result<EventQuery> e =
      make_event_query({{"actor", "USA"}, {"type", "assault"}, {"to", "2026"}, {"limit", "7"}});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->actor, "USA");
  EXPECT_EQ(e->type, "ASSAULT");
  EXPECT_EQ(e->to, "2026");
  EXPECT_EQ(e->limit, 7);
  Result<EntityQuery> n = make_entity_query({{"type", "person"}, {"name", "Zammit"}});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->type, "PERSON");
  EXPECT_FALSE(make_entity_query({{"type", "THING"}}).ok());
  Result<QuoteQuery> q = make_quote_query({{"speaker", "Zammit"}, {"since", "2026-03-01"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->speaker, "Zammit");
  EXPECT_EQ(q->since, "2026-03-01");
  EXPECT_EQ(q->limit, 0);
  Result<PeopleQuery> p = make_people_query({{"name", "Zammit"}, {"limit", "2"}});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->limit, 2);
  EXPECT_FALSE(make_timeline_query({{"limit", "0"}}).ok());
}

// Every filter of every table has a name, a help line, and a name used once in its table.
TEST(Filters, TablesAreWellFormed) {
  for (std::span<const Filter> table :
       {quote_filters(), event_filters(), entity_filters(), people_filters(), timeline_filters()}) {
    for (size_t i = 0; i < table.size(); ++i) {
      EXPECT_NE(*table[i].name, '\0');
      EXPECT_NE(*table[i].help, '\0');
      for (size_t j = i + 1; j < table.size(); ++j) {
        EXPECT_STRNE(table[i].name, table[j].name);
      }
    }
  }
}

}  // namespace
}  // namespace dateline
