// SPDX-License-Identifier: Apache-2.0
#include "entities/coref_eval.h"

#include <cstdio>
#include <map>

#include "entities/coreference.h"
#include "entities/ner_data.h"

namespace dateline::entities {
namespace {

struct GoldDoc {
  Document doc;
  // Gold person mentions by the byte offset of their last word's end: chain id.
  std::map<uint32_t, std::string> chain_by_end;
  // Chains that have a named mention, and where it first occurs.
  std::map<std::string, uint32_t> first_named;
  std::vector<std::pair<uint32_t, std::string>> pronouns;  // (end offset, chain)
};

void score_doc(const EntityRecognizer& r, GoldDoc& g, CorefScore& score) {
  Status s = r.annotate(g.doc);
  (void)s;
  const Document& doc = g.doc;
  for (const Entity& e : doc.entities) {
    if (e.type != EntityType::kPerson) continue;
    for (size_t k = 1; k < e.mentions.size(); ++k) {
      const Mention& m = doc.mentions[e.mentions[k]];
      const Mention& a = doc.mentions[e.mentions[k - 1]];
      auto gm = g.chain_by_end.find(m.span.end), ga = g.chain_by_end.find(a.span.end);
      if (gm == g.chain_by_end.end() || ga == g.chain_by_end.end()) continue;
      CorefScore::Counts& c = m.kind == MentionKind::kPronoun   ? score.pronoun
                              : m.kind == MentionKind::kNominal ? score.nominal
                                                                : score.name;
      ++c.links;
      c.correct += gm->second == ga->second;
    }
  }
  for (const auto& [end, chain] : g.pronouns) {
    auto named = g.first_named.find(chain);
    if (named == g.first_named.end() || named->second >= end) continue;
    ++score.gold_pronouns;
    for (const Mention& m : doc.mentions) {
      if (m.span.end != end || m.kind != MentionKind::kPronoun) continue;
      const Entity& e = doc.entities[m.entity];
      for (int32_t other : e.mentions) {
        const Mention& o = doc.mentions[other];
        if (o.span.begin >= m.span.begin) break;
        auto go = g.chain_by_end.find(o.span.end);
        if (go != g.chain_by_end.end() && go->second == chain) {
          ++score.pronouns_resolved;
          break;
        }
      }
    }
  }
  ++score.documents;
}

}  // namespace

CorefScore evaluate_coreference(const EntityRecognizer& recognizer,
                                const std::vector<text::ConlluSentence>& gold) {
  CorefScore score;
  GoldDoc g;
  bool open = false;
  std::string lower;
  for (const text::ConlluSentence& s : gold) {
    if (s.new_doc && open) {
      score_doc(recognizer, g, score);
      g = GoldDoc();
    }
    open = true;
    Document& doc = g.doc;
    Sentence sent;
    sent.token_begin = static_cast<uint32_t>(doc.tokens.size());
    sent.span.begin = static_cast<uint32_t>(doc.text.size());
    std::vector<uint32_t> word_end;
    for (const text::ConlluWord& w : s.words) {
      Token t;
      t.span.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += w.form;
      t.span.end = static_cast<uint32_t>(doc.text.size());
      t.sentence = static_cast<uint32_t>(doc.sentences.size());
      doc.text += ' ';
      doc.tokens.push_back(t);
      word_end.push_back(t.span.end);
    }
    sent.token_end = static_cast<uint32_t>(doc.tokens.size());
    sent.span.end = static_cast<uint32_t>(doc.text.size());
    doc.sentences.push_back(sent);
    for (const GumMention& m : gum_mentions(s)) {
      if (m.type != "person" || m.end == 0) continue;
      uint32_t end = word_end[m.end - 1];
      g.chain_by_end.emplace(end, m.id);  // the innermost/first mention ending here
      if (m.named) g.first_named.emplace(m.id, end);
      if (m.end - m.begin == 1) {
        lower_ascii(s.words[m.begin].form, lower);
        if (pronoun_gender(lower)) g.pronouns.emplace_back(end, m.id);
      }
    }
  }
  if (open) score_doc(recognizer, g, score);
  return score;
}

std::string CorefScore::to_string() const {
  char buf[600];
  std::snprintf(buf, sizeof buf,
                "documents: %d\n"
                "name links:    %5d scored, %5.1f%% correct\n"
                "pronoun links: %5d scored, %5.1f%% correct\n"
                "nominal links: %5d scored, %5.1f%% correct\n"
                "all links:     %5d scored, %5.1f%% correct\n"
                "gold he/she/his/her... with a named antecedent: %d, resolved to it: %d "
                "(%.1f%%)\n",
                documents, name.links, name.accuracy(), pronoun.links, pronoun.accuracy(),
                nominal.links, nominal.accuracy(), name.links + pronoun.links + nominal.links,
                (name.links + pronoun.links + nominal.links)
                    ? 100.0 * (name.correct + pronoun.correct + nominal.correct) /
                          (name.links + pronoun.links + nominal.links)
                    : 0.0,
                gold_pronouns, pronouns_resolved,
                gold_pronouns ? 100.0 * pronouns_resolved / gold_pronouns : 0.0);
  return buf;
}

}  // namespace dateline::entities
