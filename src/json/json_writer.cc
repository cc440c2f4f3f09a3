// SPDX-License-Identifier: Apache-2.0
// The JSON output contract, field by field as docs/FORMAT.md describes it. Field order is
// fixed (ordered_json) so that the same Document always prints the same bytes.
#include <nlohmann/json.hpp>

#include "dateline/json.h"

namespace dateline {
namespace {

using Json = nlohmann::ordered_json;

Json span_json(const Document& doc, const Span& s) {
  Json j;
  j["text"] = std::string(doc.slice(s));
  j["start"] = s.begin;
  j["end"] = s.end;
  return j;
}

Json optional_span(const Document& doc, const Span& s) {
  return s.empty() ? Json(nullptr) : span_json(doc, s);
}

Json string_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json doc_json(const Document& doc) {
  const DocumentMeta& m = doc.meta;
  Json j;
  j["id"] = m.id;
  j["path"] = m.path;
  j["url"] = string_or_null(m.url);
  j["title"] = string_or_null(m.title);
  j["outlet"] = string_or_null(m.outlet);
  j["published"] = string_or_null(m.published);
  j["modified"] = string_or_null(m.modified);
  j["crawled"] = string_or_null(m.crawled);
  j["dateline"] = string_or_null(m.dateline);
  j["byline"] = string_or_null(m.byline);
  j["language"] = m.language;
  j["content_hash"] = doc.content_hash;
  j["bytes"] = doc.text.size();
  Json prov = Json::object();
  for (const auto& [field, source] : m.provenance) prov[field] = source;
  j["provenance"] = prov;
  j["engine"] = {{"version", doc.engine_version}, {"fingerprint", doc.engine_fingerprint}};
  return j;
}

Json entity_json(const Document& doc, const Entity& e, size_t index, bool record) {
  Json j;
  j["id"] = index;
  j["name"] = e.name;
  j["type"] = to_string(e.type);
  Json titles = Json::array();
  Json roles = Json::array();
  for (const Title& t : e.titles) {
    titles.push_back(t.text);
    Json r;
    r["title"] = t.text;
    r["organization"] = string_or_null(t.organization);
    r["country"] = string_or_null(t.country);
    r["start"] = t.span.begin;
    r["end"] = t.span.end;
    r["why"] = t.why;
    roles.push_back(std::move(r));
  }
  j["titles"] = std::move(titles);
  j["roles"] = std::move(roles);
  Json mentions = Json::array();
  for (int32_t mi : e.mentions) {
    const Mention& m = doc.mentions[mi];
    Json mj = span_json(doc, m.span);
    mj["kind"] = to_string(m.kind);
    mj["sentence"] = m.sentence;
    if (record) mj["index"] = mi;
    mentions.push_back(std::move(mj));
  }
  j["mentions"] = std::move(mentions);
  j["country"] = string_or_null(e.country);
  j["wikidata"] = string_or_null(e.wikidata);
  if (e.has_coordinates) {
    j["coordinates"] = {{"lat", e.latitude}, {"lon", e.longitude}};
  } else {
    j["coordinates"] = nullptr;
  }
  j["why"] = e.why;
  return j;
}

Json quote_json(const Document& doc, const Quote& q, bool record) {
  Json j;
  j["kind"] = to_string(q.kind);
  j["mode"] = to_string(q.mode);
  const Speaker& s = q.speaker;
  Json sp;
  sp["name"] = string_or_null(s.name);
  sp["text"] = s.span.empty() ? Json(string_or_null(s.text)) : Json(std::string(doc.slice(s.span)));
  sp["start"] = s.span.empty() ? Json(nullptr) : Json(s.span.begin);
  sp["end"] = s.span.empty() ? Json(nullptr) : Json(s.span.end);
  sp["title"] = string_or_null(s.title);
  sp["entity"] = s.entity < 0 ? Json(nullptr) : Json(s.entity);
  sp["anonymous"] = s.anonymous;
  sp["description"] = string_or_null(s.description);
  j["speaker"] = std::move(sp);
  j["cue"] = optional_span(doc, q.cue);
  Json content;
  std::string text;
  Json spans = Json::array();
  for (const Span& f : q.content) {
    if (!text.empty()) text += " ";
    text += doc.slice(f);
    spans.push_back({f.begin, f.end});
  }
  content["text"] = text;
  content["start"] = q.content.empty() ? Json(nullptr) : Json(q.content.front().begin);
  content["end"] = q.content.empty() ? Json(nullptr) : Json(q.content.back().end);
  content["spans"] = std::move(spans);
  j["content"] = std::move(content);
  j["addressee"] = optional_span(doc, q.addressee);
  j["date"] = string_or_null(q.date);
  j["date_source"] = to_string(q.date_source);
  if (record) j["time"] = q.time;
  j["sentence"] = q.sentence;
  j["why"] = q.why;
  return j;
}

Json time_json(const Document& doc, const TimeExpression& t) {
  Json j = span_json(doc, t.span);
  j["type"] = to_string(t.type);
  j["value"] = string_or_null(t.value);
  j["anchor"] = string_or_null(t.anchor);
  j["mod"] = string_or_null(t.mod);
  j["resolved"] = t.resolved;
  j["sentence"] = t.sentence;
  j["why"] = t.why;
  return j;
}

Json participant_json(const Document& doc, const EventParticipant& p) {
  if (p.span.empty() && p.code.empty()) return nullptr;
  Json j;
  j["code"] = string_or_null(p.code);
  j["text"] = p.span.empty() ? Json(string_or_null(p.text)) : Json(std::string(doc.slice(p.span)));
  j["start"] = p.span.empty() ? Json(nullptr) : Json(p.span.begin);
  j["end"] = p.span.empty() ? Json(nullptr) : Json(p.span.end);
  j["entity"] = p.entity < 0 ? Json(nullptr) : Json(p.entity);
  return j;
}

Json event_json(const Document& doc, const Event& e, bool record) {
  Json j;
  j["actor"] = participant_json(doc, e.actor);
  Json action;
  action["text"] = e.trigger.empty() ? e.trigger_text : std::string(doc.slice(e.trigger));
  action["start"] = e.trigger.begin;
  action["end"] = e.trigger.end;
  action["plover"] = e.plover;
  action["plover_mode"] = string_or_null(e.plover_mode);
  action["cameo"] = e.cameo;
  action["goldstein"] = e.goldstein;
  action["quad_class"] = e.quad_class;
  j["action"] = std::move(action);
  j["target"] = participant_json(doc, e.target);
  j["negated"] = e.negated;
  j["modality"] = string_or_null(e.modality);
  j["date"] = string_or_null(e.date);
  j["date_source"] = to_string(e.date_source);
  if (record) j["time"] = e.time;
  if (e.place.span.empty() && e.place.name.empty()) {
    j["place"] = nullptr;
  } else {
    Json p;
    p["name"] = e.place.name;
    p["country"] = string_or_null(e.place.country);
    p["start"] = e.place.span.begin;
    p["end"] = e.place.span.end;
    p["coordinates"] = e.place.has_coordinates
                           ? Json{{"lat", e.place.latitude}, {"lon", e.place.longitude}}
                           : Json(nullptr);
    j["place"] = std::move(p);
  }
  j["sentence"] = e.sentence;
  j["why"] = e.why;
  return j;
}

}  // namespace

std::string to_json(const Document& doc, const JsonOptions& options) {
  const bool record = options.with_record;
  Json j;
  j["doc"] = doc_json(doc);
  if (record) j["text"] = doc.text;
  Json entities = Json::array();
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    entities.push_back(entity_json(doc, doc.entities[i], i, record));
  }
  j["entities"] = std::move(entities);
  Json quotes = Json::array();
  for (const Quote& q : doc.quotes) quotes.push_back(quote_json(doc, q, record));
  j["quotes"] = std::move(quotes);
  Json times = Json::array();
  for (const TimeExpression& t : doc.times) times.push_back(time_json(doc, t));
  j["times"] = std::move(times);
  Json events = Json::array();
  for (const Event& e : doc.events) events.push_back(event_json(doc, e, record));
  j["events"] = std::move(events);
  Json diagnostics = Json::array();
  for (const Diagnostic& d : doc.diagnostics) {
    diagnostics.push_back({{"code", d.code}, {"message", d.message},
                           {"byte", d.byte < 0 ? Json(nullptr) : Json(d.byte)}});
  }
  j["diagnostics"] = std::move(diagnostics);
  if (record) {
    // Every mention, those of no entity too (the store keeps them all), in index order.
    Json mentions = Json::array();
    for (const Mention& m : doc.mentions) {
      Json mj = span_json(doc, m.span);
      mj["entity"] = m.entity;
      mj["kind"] = to_string(m.kind);
      mj["sentence"] = m.sentence;
      mj["why"] = m.why;
      mentions.push_back(std::move(mj));
    }
    j["mentions"] = std::move(mentions);
  }
  if (options.with_sentences || record) {
    Json paragraphs = Json::array();
    for (const Paragraph& p : doc.paragraphs) {
      paragraphs.push_back({{"start", p.span.begin}, {"end", p.span.end},
                            {"boilerplate", p.boilerplate}});
    }
    j["paragraphs"] = std::move(paragraphs);
    Json sentences = Json::array();
    for (const Sentence& s : doc.sentences) {
      Json sj = span_json(doc, s.span);
      sj["paragraph"] = s.paragraph;
      sj["tokens"] = {s.token_begin, s.token_end};
      sj["boilerplate"] = s.boilerplate;
      sentences.push_back(std::move(sj));
    }
    j["sentences"] = std::move(sentences);
  }
  if (options.with_tokens || options.with_syntax || record) {
    Json tokens = Json::array();
    for (const Token& t : doc.tokens) {
      Json tj = span_json(doc, t.span);
      tj["sentence"] = t.sentence;
      tj["space_after"] = t.space_after;
      if (t.fused_with_next) tj["fused_with_next"] = true;
      if (options.with_syntax) {
        tj["upos"] = t.upos;
        tj["xpos"] = t.xpos;
        tj["feats"] = t.feats;
        tj["lemma"] = t.lemma;
        tj["head"] = t.head;
        tj["deprel"] = t.deprel;
      }
      tokens.push_back(std::move(tj));
    }
    j["tokens"] = std::move(tokens);
  }
  // A span that cut a multi-byte character would be a bug; replace rather than throw.
  return j.dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

std::string error_json(const Status& status, const std::string& input, size_t line, size_t byte) {
  Json e;
  e["code"] = error_code_name(status.code());
  e["message"] = status.message();
  e["input"] = input;
  e["line"] = line;
  e["byte"] = byte;
  Json j;
  j["error"] = std::move(e);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dateline
