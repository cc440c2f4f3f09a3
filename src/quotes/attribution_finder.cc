// SPDX-License-Identifier: Apache-2.0
// How attribution works, in order:
//  1. The word view (words.h) peels quotation marks and clause punctuation off tokens and
//     cuts the text into paragraphs; quote_marks.h pairs the marks.
//  2. The tagger labels every word of a paragraph Source, Cue, Content or outside. A
//     paragraph is the unit because an attribution's parts may sit in different sentences
//     ("…,” he said. “…") but rarely in different paragraphs.
//  3. Spans are grouped: each content and each source joins the nearest cue of its
//     paragraph (crossing a sentence boundary costs extra); a paragraph of quotation with
//     no cue becomes a quotation of its own.
//  4. Direct quotations the tagger missed are added by rule (indirect_finder.h), and a
//     quotation with no speaker of its own continues the speaker of the quotation before it
//     when that one is at most a paragraph away; a quotation over several paragraphs (the
//     paragraph before ended with its mark open) is merged into one Quote.
//  5. Each attribution gets its kind (direct: all content inside marks; mixed: a quoted
//     phrase of three words or more inside reported speech; else indirect), its mode
//     (thought for believe/want/hope cues), speaker, addressee and date.
#include "quotes/attribution_finder.h"

#include <algorithm>
#include <filesystem>

#include "dates/governing.h"
#include "quotes/indirect_finder.h"
#include "quotes/quote_marks.h"
#include "quotes/speaker.h"
#include "quotes/words.h"
#include "text/utf8.h"

namespace dateline::quotes {
namespace {

constexpr const char* kModelFile = "attribution.model";
constexpr const char* kLexiconFile = "attribution.tsv";

uint32_t gap(const RoleSpan& a, const RoleSpan& b, const WordView& v) {
  const uint32_t lo = std::min(a.end, b.end), hi = std::max(a.begin, b.begin);
  uint32_t d = hi > lo ? hi - lo : 0;
  const uint32_t s1 = v.words[a.begin].sentence, s2 = v.words[b.begin].sentence;
  // Word-view sentence starts inside the gap count too (the segmenter may have missed them).
  for (uint32_t i = lo; i < hi; ++i) {
    if (v.words[i].sentence_start) d += 20;
  }
  if (s1 != s2) d += 5;
  return d;
}

// Step 3 for one paragraph.
void group_spans(const WordView& v, const std::vector<RoleSpan>& spans,
                 std::vector<WordAttribution>& out) {
  std::vector<const RoleSpan*> cues;
  for (const RoleSpan& s : spans) {
    if (s.role == Role::kCue) cues.push_back(&s);
  }
  auto direct = [&](uint32_t b) {
    return v.words[b].mark == MarkKind::kDoubleOpen || v.words[b].mark == MarkKind::kDoubleStraight;
  };
  if (cues.empty()) {
    // Content with no cue is kept only when it is a quotation (its speaker is then the
    // previous one); PolNeAR has almost no cue-less attributions otherwise.
    for (const RoleSpan& s : spans) {
      if (s.role != Role::kContent || !direct(s.begin)) continue;
      WordAttribution a;
      a.content.push_back({s.begin, s.end});
      a.why = "tagger: quotation with no cue";
      out.push_back(std::move(a));
    }
    return;
  }
  const size_t first = out.size();
  for (const RoleSpan* c : cues) {
    WordAttribution a;
    a.cue_begin = c->begin;
    a.cue_end = c->end;
    a.why = "tagger";
    out.push_back(std::move(a));
  }
  auto nearest = [&](const RoleSpan& s, uint32_t& best_gap) {
    size_t best = 0;
    best_gap = UINT32_MAX;
    for (size_t k = 0; k < cues.size(); ++k) {
      const uint32_t g = gap(s, *cues[k], v);
      if (g < best_gap) {
        best = k;
        best_gap = g;
      }
    }
    return best;
  };
  std::vector<uint32_t> source_gap(cues.size(), UINT32_MAX);
  for (const RoleSpan& s : spans) {
    if (s.role != Role::kSource) continue;
    uint32_t g = 0;
    const size_t best = nearest(s, g);
    if (g < source_gap[best]) {
      out[first + best].source_begin = s.begin;
      out[first + best].source_end = s.end;
      source_gap[best] = g;
    }
  }
  for (const RoleSpan& s : spans) {
    if (s.role != Role::kContent) continue;
    uint32_t g = 0;
    const size_t best = nearest(s, g);
    WordAttribution& a = out[first + best];
    // A quotation in an earlier sentence does not belong to a cue whose own source stands
    // between them ("“…” Critics have questioned the plan."): that is a new statement.
    if (direct(s.begin) && s.end <= a.cue_begin && a.has_source() && a.source_begin >= s.end &&
        v.words[a.source_begin].sentence_start) {
      WordAttribution alone;
      alone.content.push_back({s.begin, s.end});
      alone.why = "tagger: quotation with no cue";
      out.push_back(std::move(alone));
      continue;
    }
    a.content.push_back({s.begin, s.end});
  }
  // Boundary repair of quotations: a content that opens with a mark ends at the matching
  // closing mark when a new sentence follows it, or when only a few words follow it (they
  // are the source: "“…,” Miller, the adviser, told").
  for (size_t k = first; k < out.size(); ++k) {
    WordAttribution& a = out[k];
    for (auto& [b, e] : a.content) {
      if (!direct(b)) continue;
      const uint8_t depth = v.words[b].quote_depth;
      uint32_t close = 0;
      for (uint32_t j = b + 1; j < e && !close; ++j) {
        if (v.words[j].mark != MarkKind::kNone && v.words[j].quote_depth == depth) close = j;
      }
      if (!close || close + 1 >= e) continue;
      bool new_sentence = false;
      for (uint32_t j = close + 1; j < e; ++j) new_sentence |= v.words[j].sentence_start;
      if (!new_sentence && e - (close + 1) > 3) continue;
      const uint32_t old_end = e;
      e = close + 1;
      if (!new_sentence && a.has_source() && a.source_begin >= old_end &&
          a.source_begin <= old_end + 1) {
        uint32_t nb = close + 1;
        while (nb < old_end && v.words[nb].punct) ++nb;
        a.source_begin = nb;
      }
    }
  }
}

bool overlaps(const WordAttribution& a, uint32_t b, uint32_t e) {
  auto hit = [&](uint32_t x, uint32_t y) { return x < e && b < y; };
  if (a.has_cue() && hit(a.cue_begin, a.cue_end)) return true;
  if (a.has_source() && hit(a.source_begin, a.source_end)) return true;
  for (const auto& [x, y] : a.content) {
    if (hit(x, y)) return true;
  }
  return false;
}

uint32_t first_word(const WordAttribution& a) {
  uint32_t f = a.has_cue() ? a.cue_begin : UINT32_MAX;
  if (a.has_source()) f = std::min(f, a.source_begin);
  for (const auto& c : a.content) f = std::min(f, c.first);
  return f;
}

uint32_t unit_index(const WordView& v, uint32_t word) {
  auto it = std::upper_bound(v.units.begin(), v.units.end(), word,
                             [](uint32_t x, const Unit& u) { return x < u.begin; });
  return uint32_t(it - v.units.begin()) - 1;
}

Span word_span(const WordView& v, uint32_t b, uint32_t e) {
  return {v.words[b].span.begin, v.words[e - 1].span.end};
}

}  // namespace

AttributionFinder AttributionFinder::from(CueLexicon lexicon,
                                          std::unique_ptr<AttributionTagger> tagger,
                                          const AttributionFinderOptions& options) {
  AttributionFinder f;
  f.options_ = options;
  f.lexicon_ = std::move(lexicon);
  f.tagger_ = std::move(tagger);
  f.fingerprint_ = text::content_hash(f.lexicon_.fingerprint() + "|" +
                                      (f.tagger_ ? f.tagger_->fingerprint() : "rules"));
  return f;
}

Result<AttributionFinder> AttributionFinder::load(const AttributionFinderOptions& options) {
  DL_ASSIGN_OR_RETURN(CueLexicon lexicon,
                      CueLexicon::load(options.lexicons_dir + "/" + kLexiconFile));
  std::unique_ptr<AttributionTagger> tagger;
  const std::string model = options.models_dir + "/" + kModelFile;
  std::error_code ec;
  if (std::filesystem::exists(model, ec)) {
    DL_ASSIGN_OR_RETURN(AttributionTagger t, AttributionTagger::load(model));
    tagger = std::make_unique<AttributionTagger>(std::move(t));
  }
  return from(std::move(lexicon), std::move(tagger), options);
}

Status AttributionFinder::annotate(Document& doc) const {
  if (doc.tokens.empty()) return ok_status();
  WordView view = build_word_view(doc);
  if (view.words.empty()) return ok_status();
  std::vector<QuoteRegion> regions = pair_quote_marks(view, doc.text);
  const auto& w = view.words;

  std::vector<WordAttribution> found;
  if (tagger_) {
    TaggerInput in{&doc, &view, &regions};
    std::vector<uint8_t> tags;
    for (const Unit& u : view.units) {
      tagger_->tag(in, u, tags);
      group_spans(view, spans_from_tags(tags, u.begin), found);
    }
  } else {
    found = find_indirect(doc, view, lexicon_);
  }
  if (!tagger_ || options_.add_rule_quotes) {
    for (WordAttribution& d : find_direct_quotes(doc, view, regions, lexicon_, 4)) {
      const auto [b, e] = d.content.front();
      bool taken = false;
      for (const WordAttribution& a : found) taken |= overlaps(a, b, e);
      if (!taken) found.push_back(std::move(d));
    }
  }
  std::sort(found.begin(), found.end(), [](const WordAttribution& a, const WordAttribution& b) {
    return first_word(a) < first_word(b);
  });

  // Which region (if any) a word range is exactly one quotation of, for kinds and merging.
  // Counts the words of [b, e), those inside marks, and those inside marks that are not
  // capitalised: a quoted name or title (“The Americas Counter Cartel Conference”) is not
  // a verbatim phrase, so it does not make reported speech mixed.
  auto quoted_words = [&](uint32_t b, uint32_t e, uint32_t& inside, uint32_t& total,
                          uint32_t& lower) {
    inside = total = lower = 0;
    for (uint32_t i = b; i < e; ++i) {
      if (w[i].punct) continue;
      ++total;
      if (w[i].quote_depth == 0) continue;
      ++inside;
      const char c = doc.text[w[i].span.begin];
      lower += !(c >= 'A' && c <= 'Z');
    }
  };

  int32_t last_quote = -1;      // index in doc.quotes of the previous quote
  uint32_t last_unit = 0;
  const size_t before = doc.quotes.size();
  for (const WordAttribution& a : found) {
    if (a.content.empty() && !options_.keep_contentless) continue;
    Quote q;
    // Kind: all content words inside marks = direct; a quoted phrase of 3+ words = mixed.
    uint32_t inside = 0, total = 0, lower = 0;
    for (const auto& [b, e] : a.content) {
      uint32_t i0 = 0, t0 = 0, l0 = 0;
      quoted_words(b, e, i0, t0, l0);
      inside += i0;
      total += t0;
      lower += l0;
    }
    if (total > 0 && inside == total) {
      q.kind = QuoteKind::kDirect;
    } else if (inside >= 3 && lower >= 2) {
      q.kind = QuoteKind::kMixed;
    } else {
      q.kind = QuoteKind::kIndirect;
    }
    if (a.has_cue()) {
      q.cue = word_span(view, a.cue_begin, a.cue_end);
      for (uint32_t i = a.cue_begin; i < a.cue_end; ++i) {
        if (lexicon_.lookup(w[i].lower) == CueClass::kThought) q.mode = QuoteMode::kThought;
      }
    }
    for (const auto& [b, e] : a.content) q.content.push_back(word_span(view, b, e));
    const uint32_t anchor = a.has_cue() ? a.cue_begin : first_word(a);
    q.sentence = w[anchor].sentence;
    const uint32_t unit = unit_index(view, anchor);
    const Span source = a.has_source() ? word_span(view, a.source_begin, a.source_end) : Span{};
    const uint32_t at = a.has_cue() ? q.cue.begin : (q.content.empty() ? 0 : q.content[0].begin);
    q.speaker = resolve_speaker(doc, view, source, at, lexicon_);
    q.why = a.why;
    if (q.speaker.name.empty() && q.speaker.entity < 0 && a.source_end == a.source_begin + 1 &&
        (w[a.source_begin].lower == "he" || w[a.source_begin].lower == "she") &&
        last_quote >= 0 && unit <= last_unit + 1) {
      // An unresolved "he"/"she" right after a quotation: its speaker.
      const Speaker& prev = doc.quotes[size_t(last_quote)].speaker;
      q.speaker.name = prev.name;
      q.speaker.entity = prev.entity;
      q.speaker.title = prev.title;
    }
    if (!a.has_source() && !a.has_cue() && q.kind == QuoteKind::kDirect && last_quote >= 0 &&
        unit <= last_unit + 1) {
      Quote& prev = doc.quotes[size_t(last_quote)];
      // A quotation over several paragraphs: the previous paragraph left its mark open.
      const uint32_t first = a.content.front().first;
      bool continues = false;
      for (const QuoteRegion& r : regions) {
        if (!r.closed && r.continues && unit == last_unit + 1 && !prev.content.empty() &&
            r.open < view.units[unit].begin && view.units[unit].begin == first &&
            w[r.open].span.begin < prev.content.back().end) {
          continues = true;
        }
      }
      if (continues) {
        prev.content.insert(prev.content.end(), q.content.begin(), q.content.end());
        prev.why += "; continues over the next paragraph";
        last_unit = unit;
        continue;
      }
      q.speaker = prev.speaker;
      q.speaker.span = {};
      q.speaker.text = prev.speaker.name.empty() ? prev.speaker.text : prev.speaker.name;
      q.why += "; speaker of the previous quotation";
    }
    if (a.has_cue() && !q.content.empty()) {
      const uint32_t stop = q.content.front().begin > q.cue.end ? q.content.front().begin
                                                                  : UINT32_MAX;
      q.addressee = find_addressee(doc, view, q.cue, stop, lexicon_);
    }
    // Date: the time expression nearest the cue (or the content when there is no cue), else
    // the publication date; the dates stage owns that rule for quotes and events alike.
    const Span date_anchor = !q.cue.empty() ? q.cue
                        : q.content.empty() ? Span{} : q.content.front();
    dates::DateAssignment when = dates::assign_date(doc, q.sentence, date_anchor);
    // A time inside the reported words dates what is reported, not the statement.
    if (when.time >= 0 &&
        std::any_of(q.content.begin(), q.content.end(), [&](const Span& c) {
          return c.overlaps(doc.times[when.time].span);
        })) {
      when = {dates::publication_date(doc),
              doc.meta.published.empty() ? DateSource::kNone : DateSource::kPublication, -1};
    }
    q.date = when.date;
    q.date_source = when.source;
    q.time = when.time;
    doc.quotes.push_back(std::move(q));
    last_quote = int32_t(doc.quotes.size() - 1);
    last_unit = unit;
  }
  (void)before;
  return ok_status();
}

}  // namespace dateline::quotes
