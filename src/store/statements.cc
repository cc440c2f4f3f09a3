// SPDX-License-Identifier: Apache-2.0
// Statements and event groups across outlets (design note in statements.h). A quotation
// joins the most similar statement of its speaker at kSameStatement or above, else starts
// one; the comparison is against every statement of that speaker, which the index on
// speaker_key keeps to one person's statements.
#include "store/statements.h"

#include <algorithm>
#include <cstring>

#include "model/hash.h"
#include "store/day_range.h"
#include "store/people.h"

namespace dateline::store {
namespace {


std::string pack(const std::vector<uint32_t>& sig) {
  std::string out(sig.size() * sizeof(uint32_t), '\0');
  std::memcpy(out.data(), sig.data(), out.size());
  return out;
}

std::vector<uint32_t> unpack(std::string_view blob) {
  std::vector<uint32_t> sig(blob.size() / sizeof(uint32_t));
  std::memcpy(sig.data(), blob.data(), sig.size() * sizeof(uint32_t));
  return sig;
}

// Typographic quotation marks, dashes and the ellipsis (U+2013..U+2026, U+00AB, U+00BB) as
// spaces: folded_words() keeps non-ASCII characters as letters.
std::string without_typographic_marks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto d = static_cast<unsigned char>(s[i + 2]);
      if (d >= 0x93 && d <= 0xA6) {
        out += ' ';
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) == 0xAB ||
         static_cast<unsigned char>(s[i + 1]) == 0xBB)) {
      out += ' ';
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

// Code, else the folded text; "" when neither.
std::string party(std::string_view code, std::string_view text) {
  return code.empty() ? folded_words(text) : std::string(code);
}

}  // namespace

std::vector<uint32_t> minhash(std::string_view text) {
  const std::string folded = folded_words(without_typographic_marks(text));
  const std::vector<std::string> words = split_words(folded);
  std::vector<uint32_t> sig(kSignatureSize, ~0u);
  auto add = [&](std::string_view shingle) {
    const uint64_t h = model::fnv1a(shingle);
    for (size_t i = 0; i < kSignatureSize; ++i) {
      const auto v = static_cast<uint32_t>(model::mix64(h + 0x9e3779b97f4a7c15ULL * (i + 1)));
      sig[i] = std::min(sig[i], v);
    }
  };
  if (words.size() < 3) {
    if (!folded.empty()) add(folded);
    return sig;
  }
  for (size_t i = 0; i + 3 <= words.size(); ++i) {
    add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  }
  return sig;
}

double similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::string event_group_key(std::string_view actor_code, std::string_view actor_text,
                            std::string_view plover, std::string_view cameo,
                            std::string_view target_code, std::string_view target_text,
                            std::string_view date, std::string_view published) {
  const std::string_view when = date.empty() ? published : date;
  const DayRange days = day_range(when);
  const std::string day = !days.empty() && days.lo == days.hi ? days.lo : std::string(when);
  return party(actor_code, actor_text) + "|" + std::string(plover.empty() ? cameo : plover) + "|" +
         party(target_code, target_text) + "|" + day;
}

Status group_reports(const Db& db, int64_t article, int64_t run) {
  // Quotations: the speaker is the linked person when there is one, else the name as
  // written (resolved name, text, or the anonymous description).
  DL_ASSIGN_OR_RETURN(
      Stmt quotes,
      db.prepare("SELECT q.id, q.content, e.person, "
                 "coalesce(q.speaker_name, q.speaker_text, q.description, '') FROM quotes q "
                 "LEFT JOIN entities e ON e.article = q.article AND e.idx = q.speaker_entity "
                 "WHERE q.article = ?1 ORDER BY q.idx"));
  DL_ASSIGN_OR_RETURN(Stmt candidates,
                      db.prepare("SELECT id, signature FROM statements WHERE speaker_key = ?1"));
  DL_ASSIGN_OR_RETURN(Stmt insert_statement,
                      db.prepare("INSERT INTO statements (speaker_key, signature, reports, run) "
                                 "VALUES (?1, ?2, 0, ?3)"));
  DL_ASSIGN_OR_RETURN(
      Stmt insert_report,
      db.prepare("INSERT INTO statement_reports (quote, statement, similarity, run) "
                 "VALUES (?1, ?2, ?3, ?4)"));
  DL_ASSIGN_OR_RETURN(Stmt count_report,
                      db.prepare("UPDATE statements SET reports = reports + 1 WHERE id = ?1"));
  quotes.bind(1, article);
  for (;;) {
    DL_ASSIGN_OR_RETURN(bool more, quotes.step());
    if (!more) break;
    const int64_t quote = quotes.int64(0);
    const std::vector<uint32_t> sig = minhash(quotes.view(1));
    const std::string key = !quotes.is_null(2) ? "person:" + std::to_string(quotes.int64(2))
                                               : "name:" + name_key(quotes.view(3));
    int64_t best = 0;
    double best_similarity = 0;
    candidates.bind(1, key);
    for (;;) {
      DL_ASSIGN_OR_RETURN(bool row, candidates.step());
      if (!row) break;
      const double s = similarity(sig, unpack(candidates.view(1)));
      if (s >= kSameStatement && s > best_similarity) {
        best = candidates.int64(0);
        best_similarity = s;
      }
    }
    candidates.reset();
    if (best == 0) {
      insert_statement.bind(1, key).bind_blob(2, pack(sig)).bind(3, run);
      DL_RETURN_IF_ERROR(insert_statement.run());
      best = db.last_insert_rowid();
      best_similarity = 1;
    }
    insert_report.bind(1, quote).bind(2, best).bind(3, best_similarity).bind(4, run);
    DL_RETURN_IF_ERROR(insert_report.run());
    count_report.bind(1, best);
    DL_RETURN_IF_ERROR(count_report.run());
  }

  // Events: an exact key.
  DL_ASSIGN_OR_RETURN(
      Stmt events,
      db.prepare("SELECT e.idx, coalesce(e.actor_code, ''), coalesce(e.actor_text, ''), e.plover, "
                 "e.cameo, coalesce(e.target_code, ''), coalesce(e.target_text, ''), "
                 "coalesce(e.date, ''), coalesce(a.published, '') FROM events e "
                 "JOIN articles a ON a.seq = e.article WHERE e.article = ?1 ORDER BY e.idx"));
  DL_ASSIGN_OR_RETURN(
      Stmt upsert_group,
      db.prepare("INSERT INTO event_groups (group_key, reports, run) VALUES (?1, 1, ?2) "
                 "ON CONFLICT (group_key) DO UPDATE SET reports = event_groups.reports + 1 "
                 "RETURNING id"));
  DL_ASSIGN_OR_RETURN(Stmt insert_event_report,
                      db.prepare("INSERT INTO event_reports (article, idx, event_group, run) "
                                 "VALUES (?1, ?2, ?3, ?4)"));
  events.bind(1, article);
  for (;;) {
    DL_ASSIGN_OR_RETURN(bool more, events.step());
    if (!more) break;
    const std::string key =
        event_group_key(events.view(1), events.view(2), events.view(3), events.view(4),
                        events.view(5), events.view(6), events.view(7), events.view(8));
    upsert_group.bind(1, key).bind(2, run);
    DL_ASSIGN_OR_RETURN(bool row, upsert_group.step());
    if (!row) return db.last_error("event_groups upsert");
    const int64_t group = upsert_group.int64(0);
    upsert_group.reset();
    insert_event_report.bind(1, article).bind(2, events.int64(0)).bind(3, group).bind(4, run);
    DL_RETURN_IF_ERROR(insert_event_report.run());
  }
  return ok_status();
}

}  // namespace dateline::store
