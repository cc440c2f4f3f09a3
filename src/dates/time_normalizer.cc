// SPDX-License-Identifier: Apache-2.0
// The dates stage: for each story sentence, split it into words (recognizer.h), recognise
// the time expressions, find the tense of the verb that governs each one when its value
// depends on it, and anchor it (resolver.h). Tense comes from the syntax layer when it has
// run (the governing verb's xpos and its auxiliaries, found by climbing the dependency
// tree); otherwise from the nearest tense cue in the words around the expression: a future
// auxiliary ("will", "would", "'ll"), a scheduling word ("expected", "scheduled"), a Penn
// past-tense tag, or a common past-tense form ("said", "-ed").
#include "dates/time_normalizer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "dates/civil_date.h"
#include "dates/lexicon.h"
#include "dates/recognizer.h"
#include "dates/resolver.h"
#include "model/hash.h"

namespace dateline::dates {
namespace {

struct TenseCue {
  Tense tense = Tense::kUnknown;
  std::string_view word;  // the word that decided it, for `why`
  const char* how = "";   // "syntax" or "nearby word"
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_verb(const Token& t) {
  return t.upos == "VERB" || t.upos == "AUX" || starts_with(t.xpos, "VB") || t.xpos == "MD";
}

bool future_aux(std::string_view lemma) {
  return lemma == "will" || lemma == "shall" || lemma == "would" || lemma == "'ll" ||
         lemma == "wo";
}

// Tense of the verb governing token `t`, from the dependency tree. Unknown when the tree is
// absent or says nothing.
TenseCue tense_from_syntax(const Document& doc, const Sentence& s, int32_t t) {
  TenseCue cue;
  if (t < 0 || doc.tokens[t].head == Token::kNoHead) return cue;
  int32_t v = t;
  for (int steps = 0; steps < 8 && v >= 0; ++steps) {
    if (v != t && is_verb(doc.tokens[v])) break;
    v = doc.tokens[v].head;
  }
  if (v < 0 || !is_verb(doc.tokens[v])) return cue;
  const Token& verb = doc.tokens[v];
  cue.how = "syntax";
  Tense aux_tense = Tense::kUnknown;
  std::string_view aux_word;
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    const Token& c = doc.tokens[k];
    if (c.head != v || !starts_with(c.deprel, "aux")) continue;
    const std::string_view form = doc.slice(c.span);
    if (c.xpos == "MD" && (future_aux(c.lemma) || future_aux(form))) {
      aux_tense = Tense::kFuture;
      aux_word = form;
      break;
    }
    if (c.xpos == "VBD") {
      aux_tense = Tense::kPast;
      aux_word = form;
    }
  }
  if (aux_tense != Tense::kUnknown) {
    cue.tense = aux_tense;
    cue.word = aux_word;
    return cue;
  }
  cue.word = doc.slice(verb.span);
  if (verb.xpos == "VBD" || verb.xpos == "VBN" || verb.feats.find("Tense=Past") != std::string::npos) {
    cue.tense = Tense::kPast;
  } else if (verb.xpos == "VBZ" || verb.xpos == "VBP" || verb.xpos == "VBG") {
    cue.tense = Tense::kPresent;
  } else if (verb.xpos == "MD" && future_aux(verb.lemma)) {
    cue.tense = Tense::kFuture;
  }
  return cue;
}

// Common irregular past-tense forms of news verbs (regular ones end in "-ed").
bool irregular_past(std::string_view w) {
  static const char* kForms[] = {
      "said", "told", "was", "were", "had", "did", "met", "took", "made", "came", "went",
      "saw", "got", "gave", "left", "held", "began", "won", "lost", "sent", "spoke", "wrote",
      "became", "found", "led", "fell", "rose", "paid", "brought", "thought", "knew", "felt",
      "kept", "sold", "bought", "struck", "ran", "shot", "fought", "broke", "caught", "chose",
      "drew", "drove", "flew", "forgot", "grew", "heard", "hid", "meant", "sought", "spent",
      "stood", "stole", "swore", "taught", "threw", "understood", "woke", "wore", "withdrew"};
  for (const char* f : kForms) {
    if (w == f) return true;
  }
  return false;
}

Tense word_tense(const Document& doc, const Word& w, const std::vector<Word>& words, size_t i) {
  if (w.token >= 0) {
    const Token& t = doc.tokens[w.token];
    if (t.xpos == "VBD") return Tense::kPast;
    if (t.xpos == "MD") return future_aux(w.lower) ? Tense::kFuture : Tense::kUnknown;
  }
  if (w.info) {
    switch (w.info->tag) {
      case Tag::kWill: case Tag::kWould: case Tag::kShall: case Tag::kScheduled:
        return Tense::kFuture;
      case Tag::kGoing:
        return i + 1 < words.size() && words[i + 1].lower == "to" ? Tense::kFuture : Tense::kUnknown;
      case Tag::kExpected: case Tag::kPlan:
        return i + 1 < words.size() && words[i + 1].lower == "to" ? Tense::kFuture : Tense::kUnknown;
      case Tag::kCredit:
        return Tense::kPast;
      default:
        break;
    }
    return Tense::kUnknown;
  }
  if (irregular_past(w.lower)) return Tense::kPast;
  if (w.lower.size() > 4 && w.lower.substr(w.lower.size() - 2) == "ed" && w.capitalized == false) {
    return Tense::kPast;
  }
  return Tense::kUnknown;
}

// The nearest tense cue within the clause around match words [first, end): up to 10 words
// before it and 5 after, not across sentence-internal clause breaks (";", quotes).
TenseCue tense_from_words(const Document& doc, const std::vector<Word>& words, size_t first,
                          size_t end) {
  TenseCue cue;
  cue.how = "nearby word";
  auto is_break = [&](size_t k) {
    const char p = words[k].punct;
    return p == ';' || p == '"' || p == '(' || p == ')';
  };
  for (size_t d = 1; d <= 10; ++d) {
    if (first >= d) {
      const size_t k = first - d;
      if (is_break(k)) {
        first = 0;
      } else {
        Tense t = word_tense(doc, words[k], words, k);
        if (t != Tense::kUnknown) {
          cue.tense = t;
          cue.word = words[k].lower;
          return cue;
        }
      }
    }
    if (d <= 5 && end + d - 1 < words.size()) {
      const size_t k = end + d - 1;
      if (is_break(k)) {
        end = words.size();
      } else {
        Tense t = word_tense(doc, words[k], words, k);
        if (t != Tense::kUnknown) {
          cue.tense = t;
          cue.word = words[k].lower;
          return cue;
        }
      }
    }
  }
  return cue;
}

TenseCue find_tense(const Document& doc, const Sentence& s, const std::vector<Word>& words,
                    const Match& m) {
  // The expression's own words first: "last", "next", "ago" already decided; here the
  // clause decides.
  int32_t tok = -1;
  for (uint32_t k = m.first; k < m.end; ++k) {
    if (words[k].token >= 0) tok = words[k].token;
  }
  TenseCue cue = tense_from_syntax(doc, s, tok);
  if (cue.tense == Tense::kPast || cue.tense == Tense::kFuture) return cue;
  TenseCue near = tense_from_words(doc, words, m.first, m.end);
  if (near.tense != Tense::kUnknown) return near;
  return cue;
}

const char* tense_name(Tense t) {
  switch (t) {
    case Tense::kPast: return "past";
    case Tense::kPresent: return "present";
    case Tense::kFuture: return "future";
    case Tense::kUnknown: break;
  }
  return "unknown";
}

// Credit, copyright and "updated" lines carry metadata, not story times.
bool is_credit_line(const std::vector<Word>& words) {
  if (words.empty()) return false;
  const Word& w = words[0];
  if (w.info && w.info->tag == Tag::kCredit) return true;
  if (w.lower == "\xC2\xA9") return true;  // ©
  if (w.punct == '(' && words.size() > 2 && words[1].lower == "c" && words[2].punct == ')') {
    return true;
  }
  return w.lower == "first" && words.size() > 1 && words[1].info &&
         words[1].info->tag == Tag::kCredit;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

Result<TimeNormalizer> TimeNormalizer::load(const TimeNormalizerOptions& options) {
  TimeNormalizer n;
  if (!options.anchor_date.empty()) {
    PartialDate p;
    if (!parse_iso_date(options.anchor_date, &p)) {
      return error(ErrorCode::kInvalidArgument,
                   "anchor date '" + options.anchor_date + "' is not an ISO 8601 date");
    }
    n.anchor_date_ = options.anchor_date;
  }
  n.fingerprint_ = model::content_hash(lexicon_version());
  return n;
}

Status TimeNormalizer::annotate(Document& doc) const {
  PartialDate anchor;
  std::string anchor_text;
  if (parse_iso_date(doc.meta.published, &anchor)) {
    anchor_text = doc.meta.published;
  } else if (!anchor_date_.empty() && parse_iso_date(anchor_date_, &anchor)) {
    anchor_text = anchor_date_;
  } else {
    anchor = PartialDate();
  }
  // The anchor as its calendar part only ("1998-08-07T10:00" -> "1998-08-07").
  if (const size_t t = anchor_text.find('T'); t != std::string::npos) anchor_text.resize(t);

  const std::string lower = ascii_lower(doc.text);
  std::vector<Word> words;
  std::vector<Match> matches;
  words.reserve(64);
  matches.reserve(8);

  Discourse discourse;
  auto process = [&](uint32_t index, const Sentence& s) {
    split_words(doc, lower, s.span, s.token_begin, s.token_end, &words);
    if (words.empty() || is_credit_line(words)) return;
    matches.clear();
    recognize(words, &matches);
    for (const Match& m : matches) {
      TenseCue cue;
      if (needs_tense(m.frame)) cue = find_tense(doc, s, words, m);
      const Resolution r = resolve(m.frame, anchor, cue.tense, discourse);
      // The last quarter named is the period later "a year earlier" compares against.
      if (!m.frame.reference_period && r.value.size() == 7 && r.value[4] == '-' &&
          r.value[5] == 'Q') {
        discourse.quarter_year = std::atoi(r.value.c_str());
        discourse.quarter = r.value[6] - '0';
      }
      TimeExpression t;
      t.span = {words[m.first].span.begin, words[m.end - 1].span.end};
      t.type = m.frame.type;
      t.value = r.value;
      t.resolved = r.resolved;
      if (r.relative && r.resolved) t.anchor = anchor_text;
      t.sentence = index;
      t.why = m.frame.rule;
      if (m.frame.mod) t.mod = m.frame.mod;
      if (needs_tense(m.frame)) {
        t.why += "; tense ";
        t.why += tense_name(cue.tense);
        if (!cue.word.empty()) {
          t.why += " (";
          t.why += cue.how;
          t.why += " '";
          t.why += cue.word;
          t.why += "')";
        }
      }
      if (m.frame.reference_period && discourse.quarter && r.resolved) {
        t.why += "; the same quarter a year before the one under discussion";
      }
      if (!r.resolved) t.why += "; unresolved: no anchor precise enough";
      doc.times.push_back(std::move(t));
    }
  };

  if (doc.sentences.empty()) {
    Sentence all;
    all.span = {0, static_cast<uint32_t>(doc.text.size())};
    process(0, all);
    return ok_status();
  }
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.boilerplate) continue;
    if (s.paragraph < doc.paragraphs.size() && doc.paragraphs[s.paragraph].boilerplate) continue;
    process(i, s);
  }
  return ok_status();
}

}  // namespace dateline::dates
