// SPDX-License-Identifier: Apache-2.0
// Feature templates of the trigger model. The templates are numbered below; a model file
// records kTriggerFeaturesVersion, which must change whenever a template does.
#include "events/event_features.h"

#include <array>
#include <span>
#include <string_view>

#include "events/word_classes.h"
#include "model/hash.h"

namespace dateline::events {
namespace {

using model::feature_key;
using model::hash_bytes;

enum Template : uint32_t {
  kBias = 1,
  kLemma,
  kLemmaParticle,
  kLemmaObject,
  kLemmaObjectFile,
  kLemmaOblique,
  kObliqueFile,
  kLemmaComplement,
  kComplement,
  kDictType,
  kDictShape,
  kWordNet,
  kWordNetObjectFile,
  kCluster6,
  kCluster10,
  kRelation,
  kRelationHead,
  kGovernor,
  kMark,
  kModal,
  kNegated,
  kQuestion,
  kQuoted,
  kSubjectKind,
  kLemmaSubjectKind,
  kObjectKind,
  kLemmaObjectKind,
  kXpos,
  kPassive,
  kReported,
  kLightNoun,
  kObjectLemma,
  kConditional,
  kLemmaDet,
  kDictSubject,
  kDictObject,
  kSubjectObject,
  kDictRelation,
  kLemmaComplementFile,
  kSubjectLemma,
  kDependentLemma,
  kPosition,
  kDictPosition,
  kAttribution,
  kComplementDict,
};

constexpr std::array<std::string_view, 12> kConditionalMarks = {
    "if",   "unless", "whether", "whenever", "lest", "should",
    "once", "until",  "before",  "after",    "when", "while"};
constexpr std::array<std::string_view, 18> kSpeechVerbs = {
    "say",   "tell", "report", "claim",   "believe", "think", "argue", "suggest", "add",
    "write", "note", "insist", "predict", "expect",  "hope",  "fear",  "know",    "warn"};

// Collects keys, and names when asked.
class Sink {
 public:
  Sink(std::vector<uint64_t>& keys, std::vector<std::string>* names) : keys_(keys), names_(names) {}
  template <typename Name>
  void add(Template t, uint64_t a, uint64_t b, Name&& name) {
    keys_.push_back(feature_key(t, a, b));
    if (names_) names_->push_back(name());
  }
  bool naming() const { return names_ != nullptr; }

 private:
  std::vector<uint64_t>& keys_;
  std::vector<std::string>* names_;
};

std::string lemma_of(const Word& w) { return !w.lemma.empty() ? w.lemma : w.norm; }

void wordnet_verb(const EventDictionaries& d, std::string_view lemma, std::string_view obj_file,
                  Sink& sink) {
  for (uint64_t v : d.wordnet.verb(lemma)) {
    sink.add(kWordNet, v, 0, [&] { return "wn=" + std::to_string(v & 0xffff); });
    if (!obj_file.empty()) {
      sink.add(kWordNetObjectFile, v, hash_bytes(obj_file), [&] {
        return "wn=" + std::to_string(v & 0xffff) + "+obj=" + std::string(obj_file);
      });
    }
  }
}

void cluster_features(const EventDictionaries& d, std::string_view word, Sink& sink) {
  if (!d.clusters) return;
  const std::string_view path = d.clusters->path(word);
  if (path.empty()) return;
  for (const auto& prefix : {std::pair{kCluster6, size_t{6}}, std::pair{kCluster10, size_t{10}}}) {
    // Named, not a structured binding: clang 14 cannot capture a binding in a lambda.
    const auto t = prefix.first;
    const size_t n = prefix.second;
    const std::string_view p = path.substr(0, std::min(n, path.size()));
    sink.add(t, hash_bytes(p), 0,
             [&] { return "cluster" + std::to_string(n) + "=" + std::string(p); });
  }
}

class Extractor {
 public:
  Extractor(const CoderInput& in, const Trigger& t, Sink& sink)
      : in_(in), d_(in.dicts), p_(in.parse), words_(in.words()), t_(t), sink_(sink) {}

  void run() {
    const Word& w = words_[t_.head_word];
    lemma_ = lemma_of(w);
    if (t_.entry().noun || t_.entry().adjective) lemma_ = w.norm;  // nouns keep their number
    const uint64_t lh = hash_bytes(lemma_);
    sink_.add(kBias, 1, 0, [] { return std::string("bias"); });
    sink_.add(kLemma, lh, 0, [&] { return "lemma=" + lemma_; });
    dictionary_reading(lh);
    const int32_t lt = p_.tok_of_word(t_.head_word);
    if (lt < 0) return;
    // Arguments and complements.
    std::string particle, obj, obj_file;
    for (int32_t c = p_.first_child(lt); c >= 0; c = p_.next_sibling(c)) {
      const std::string_view r = p_.rel(c);
      const int32_t cw = p_.word_of_tok(c);
      if (cw < 0) continue;
      const std::string cl = lemma_of(words_[static_cast<size_t>(cw)]);
      // Every content dependent, as a bag: "poll", "primary", "delegates" speak of elections.
      const std::string& cu = p_.tok(c).upos;
      if (cu == "NOUN" || cu == "VERB" || cu == "ADJ" || cu == "ADV") {
        sink_.add(kDependentLemma, hash_bytes(cl), 0, [&] { return "dep=" + cl; });
      }
      if (SentenceParse::rel_is(r, "compound") && r.ends_with("prt")) {
        particle = cl;
      } else if (SentenceParse::rel_is(r, "obj")) {
        obj = cl;
        obj_file = std::string(d_.wordnet.noun_file(cl));
        const int32_t det = p_.child(c, "det");
        if (det >= 0) {
          const std::string& dn = p_.norm_of(det);
          sink_.add(kLemmaDet, lh, hash_bytes(dn),
                    [&] { return "lemma+obj.det=" + lemma_ + "+" + dn; });
        }
      } else if (SentenceParse::rel_is(r, "obl") ||
                 (t_.entry().noun && SentenceParse::rel_is(r, "nmod"))) {
        const std::string_view prep = p_.case_of(c);
        const std::string file(d_.wordnet.noun_file(cl));
        sink_.add(kLemmaOblique, lh, hash_bytes(std::string(prep) + " " + cl),
                  [&] { return "lemma+obl=" + lemma_ + "+" + std::string(prep) + " " + cl; });
        sink_.add(
            kObliqueFile, hash_bytes(prep), hash_bytes(file.empty() ? kind_of(c) : file),
            [&] { return "obl=" + std::string(prep) + "+" + (file.empty() ? kind_of(c) : file); });
      } else if (SentenceParse::rel_is(r, "xcomp") || SentenceParse::rel_is(r, "ccomp")) {
        sink_.add(kLemmaComplement, lh, hash_bytes(cl),
                  [&] { return "lemma+comp=" + lemma_ + "+" + cl; });
        sink_.add(kComplement, hash_bytes(cl), 0, [&] { return "comp=" + cl; });
        // "promised to visit" (an act PLOVER codes) against "promised to make America win".
        std::string cd = "none";
        for (const VerbMatch& m : d_.verbs.matches(words_, static_cast<size_t>(cw))) {
          if (m.entry->role == VerbRole::kEvent && m.entry->plover != PloverType::kNone) {
            cd = std::string(to_string(m.entry->plover));
            break;
          }
        }
        sink_.add(kComplementDict, hash_bytes(dict_), hash_bytes(cd),
                  [&] { return "dict+comp.dict=" + dict_ + "+" + cd; });
        // "declined to comment / to say / to confirm": what kind of act is refused or vowed.
        const std::span<const uint64_t> wn = d_.wordnet.verb(cl);
        if (!wn.empty()) {
          sink_.add(kLemmaComplementFile, lh, wn.front(), [&] {
            return "lemma+comp.wn=" + lemma_ + "+" + std::to_string(wn.front() & 0xffff);
          });
        }
      } else if (SentenceParse::rel_is(r, "mark")) {
        sink_.add(kMark, hash_bytes(cl), 0, [&] { return "mark=" + cl; });
      } else if (SentenceParse::rel_is(r, "aux")) {
        const std::string& n = p_.norm_of(c);
        if (one_of(n, kModals)) sink_.add(kModal, hash_bytes(n), 0, [&] { return "modal=" + n; });
        if (r == "aux:pass") sink_.add(kPassive, 1, 0, [] { return std::string("passive"); });
      } else if (SentenceParse::rel_is(r, "advmod") &&
                 (p_.norm_of(c) == "not" || p_.norm_of(c) == "n't" || p_.norm_of(c) == "never")) {
        sink_.add(kNegated, 1, 0, [] { return std::string("negated"); });
      }
    }
    if (!particle.empty()) {
      sink_.add(kLemmaParticle, lh, hash_bytes(particle),
                [&] { return "lemma+prt=" + lemma_ + "+" + particle; });
    }
    if (!obj.empty()) {
      sink_.add(kLemmaObject, lh, hash_bytes(obj),
                [&] { return "lemma+obj=" + lemma_ + "+" + obj; });
      sink_.add(kObjectLemma, hash_bytes(obj), 0, [&] { return "obj=" + obj; });
      if (!obj_file.empty()) {
        sink_.add(kLemmaObjectFile, lh, hash_bytes(obj_file),
                  [&] { return "lemma+obj.wn=" + lemma_ + "+" + obj_file; });
      }
    }
    std::string verb_lemma = lemma_;
    if (!particle.empty()) {
      const std::string phrasal = lemma_ + "_" + particle;
      if (!d_.wordnet.verb(phrasal).empty()) verb_lemma = phrasal;
    }
    wordnet_verb(d_, verb_lemma, obj_file, sink_);
    cluster_features(d_, lemma_, sink_);
    clause_context(lt, lh);
    participants(lt, lh);
    const Word& hw = words_[t_.head_word];
    const std::string& xpos = p_.tok(lt).xpos;
    if (!xpos.empty()) sink_.add(kXpos, hash_bytes(xpos), 0, [&] { return "xpos=" + xpos; });
    if (t_.entry().noun && t_.begin < t_.head_word) {
      const std::string light = lemma_of(words_[t_.begin]);
      sink_.add(kLightNoun, hash_bytes(light), lh,
                [&] { return "light+noun=" + light + "+" + lemma_; });
    }
    (void)hw;
  }

 private:
  // What kind of participant token `c` is: a coded actor, a named one, a sector word, a
  // pronoun, a proper name, or a common noun's WordNet file.
  std::string kind_of(int32_t c) const {
    const int32_t w = p_.word_of_tok(c);
    const int32_t pi = w >= 0 ? in_.view.phrase_at[static_cast<size_t>(w)] : -1;
    if (pi >= 0) {
      const ActorPhrase& ph = in_.view.phrases[static_cast<size_t>(pi)];
      if (!ph.country.empty() || ph.code.size() > 3) {
        // The sector tells a politician from a newspaper or a business.
        const std::string code = ph.final_code();
        return code.size() >= 6 ? "actor." + code.substr(3, 3) : std::string("actor.state");
      }
      if (ph.named) return "named";
      if (!ph.sector.empty()) return "sector";
    }
    const std::string& upos = p_.tok(c).upos;
    if (upos == "PRON") return "pron";
    if (upos == "PROPN") return "propn";
    if (w >= 0) {
      const std::string_view f = d_.wordnet.noun_file(lemma_of(words_[static_cast<size_t>(w)]));
      if (!f.empty()) return "n." + std::string(f);
    }
    return upos.empty() ? "other" : upos;
  }

  void dictionary_reading(uint64_t lh) {
    const VerbEntry& e = t_.entry();
    dict_ = "none";
    if (e.source == "model") return;  // no dictionary reading
    const std::string type = e.role == VerbRole::kEvent ? std::string(to_string(t_.type)) : "role";
    dict_ = type;
    const char* shape = e.noun                    ? "noun"
                        : e.adjective             ? "adjective"
                        : !e.object_words.empty() ? "object"
                        : !e.particles.empty()    ? "particle"
                                                  : "bare";
    sink_.add(kDictType, hash_bytes(type), 0, [&] { return "dict=" + type; });
    sink_.add(kDictShape, hash_bytes(type), hash_bytes(shape),
              [&] { return "dict=" + type + "+" + shape; });
    (void)lh;
  }

  // Where the trigger stands: its relation, the verb that governs it, a conditional or
  // reported clause above it, a question, a quotation.
  void clause_context(int32_t lt, uint64_t lh) {
    const std::string rel(p_.rel(lt));
    sink_.add(kRelation, hash_bytes(rel), 0, [&] { return "rel=" + rel; });
    const int32_t h = p_.head_of(lt);
    if (h >= 0) {
      const int32_t hw = p_.word_of_tok(h);
      const std::string hl = hw >= 0 ? lemma_of(words_[static_cast<size_t>(hw)]) : "";
      sink_.add(kRelationHead, hash_bytes(rel), hash_bytes(hl),
                [&] { return "rel+head=" + rel + "+" + hl; });
      if (p_.tok(h).upos == "VERB") {
        sink_.add(kGovernor, hash_bytes(hl), lh,
                  [&] { return "governor+lemma=" + hl + "+" + lemma_; });
      }
    }
    // Up the clauses: a conditional marker, a speech verb.
    int32_t c = lt;
    for (int depth = 0; depth < 6 && c >= 0; ++depth) {
      const int32_t m = p_.child(c, "mark");
      if (m >= 0 && one_of(p_.norm_of(m), kConditionalMarks)) {
        const std::string& mn = p_.norm_of(m);
        sink_.add(kConditional, hash_bytes(mn), static_cast<uint64_t>(depth == 0),
                  [&] { return "cond=" + mn + (depth == 0 ? "" : "(above)"); });
      }
      const int32_t up = p_.head_of(c);
      if (up >= 0 && depth < 3) {
        const int32_t uw = p_.word_of_tok(up);
        const std::string ul = uw >= 0 ? lemma_of(words_[static_cast<size_t>(uw)]) : "";
        if (one_of(ul, kSpeechVerbs) && (SentenceParse::rel_is(p_.rel(c), "ccomp") ||
                                         SentenceParse::rel_is(p_.rel(c), "parataxis"))) {
          sink_.add(kReported, hash_bytes(ul), 0, [&] { return "reported=" + ul; });
        }
      }
      c = up;
    }
    const Word& last = words_.back();
    if (last.norm == "?" || (words_.size() > 1 && words_[words_.size() - 2].norm == "?")) {
      sink_.add(kQuestion, 1, 0, [] { return std::string("question"); });
    }
    // Where in the article: news is told first, background later.
    const uint32_t si = in_.view.index;
    const char* pos = si == 0   ? "lede"
                      : si < 3  ? "top"
                      : si < 8  ? "early"
                      : si < 20 ? "middle"
                                : "late";
    sink_.add(kPosition, hash_bytes(pos), 0, [&] { return std::string("position=") + pos; });
    sink_.add(kDictPosition, hash_bytes(dict_), hash_bytes(pos),
              [&] { return "dict+position=" + dict_ + "+" + pos; });
    // Attribution: the trigger as the cue of a statement ("accused X of ..."), or inside
    // what someone is reported to have said.
    const Span ws = words_[t_.head_word].span;
    for (uint32_t qi : in_.ctx.quotes_of(in_.view.index)) {
      const Quote& q = in_.doc.quotes[qi];
      if (q.cue.overlaps(ws)) {
        sink_.add(kAttribution, hash_bytes("cue"), 0,
                  [] { return std::string("attribution=cue"); });
      }
      for (const Span& s : q.content) {
        if (!s.contains(ws)) continue;
        const char* where = q.kind == QuoteKind::kIndirect ? "reported" : "quoted";
        if (q.kind != QuoteKind::kIndirect)
          sink_.add(kQuoted, 1, 0, [] { return std::string("quoted"); });
        sink_.add(kAttribution, hash_bytes(where), 0,
                  [&] { return std::string("attribution=") + where; });
      }
    }
  }

  // The agent of passive verb `lt` ("by X"), or -1.
  int32_t agent_of(int32_t lt) const {
    for (int32_t c = p_.first_child(lt); c >= 0; c = p_.next_sibling(c)) {
      if (p_.rel(c) == "obl:agent" ||
          (SentenceParse::rel_is(p_.rel(c), "obl") && p_.case_of(c) == "by")) {
        return c;
      }
    }
    return -1;
  }

  // The first oblique of `lt` marked as a party to the act ("with", "to", "against", "on",
  // "at" ... a person or group, not a place or time: kind_of() tells them apart), or -1.
  int32_t marked_party(int32_t lt) const {
    for (int32_t c = p_.first_child(lt); c >= 0; c = p_.next_sibling(c)) {
      if (!SentenceParse::rel_is(p_.rel(c), "obl")) continue;
      const std::string_view m = p_.case_of(c);
      if (m == "with" || m == "to" || m == "against" || m == "toward" || m == "towards" ||
          m == "on") {
        return c;
      }
    }
    return -1;
  }

  // Who acts and on whom: the kinds of subject and object, alone and with the dictionary's
  // reading and the clause relation (a dictionary AID verb between two coded actors is an
  // event far more often than one whose subject is a pronoun).
  void participants(int32_t lt, uint64_t lh) {
    int32_t clause = lt;
    if (t_.entry().noun && p_.head_of(lt) >= 0) clause = p_.head_of(lt);
    int32_t subj = p_.subject_of(clause);
    int32_t obj = p_.child(lt, "obj");
    // Passive: the subject undergoes the act ("cartels were designated"), the agent does it.
    if (subj >= 0 && p_.rel(subj) == "nsubj:pass") {
      obj = subj;
      subj = agent_of(lt);
    }
    // No object: the one acted with or upon is often marked ("engaged with X", "fired on Y").
    if (obj < 0) obj = marked_party(lt);
    const std::string sk = subj >= 0 ? kind_of(subj) : "none";
    if (subj >= 0 && p_.word_of_tok(subj) >= 0) {
      const std::string sl = lemma_of(words_[static_cast<size_t>(p_.word_of_tok(subj))]);
      sink_.add(kSubjectLemma, hash_bytes(sl), 0, [&] { return "subj.lemma=" + sl; });
    }
    sink_.add(kSubjectKind, hash_bytes(sk), 0, [&] { return "subj=" + sk; });
    sink_.add(kLemmaSubjectKind, lh, hash_bytes(sk),
              [&] { return "lemma+subj=" + lemma_ + "+" + sk; });
    const std::string ok = obj >= 0 ? kind_of(obj) : "none";
    sink_.add(kObjectKind, hash_bytes(ok), 0, [&] { return "objkind=" + ok; });
    sink_.add(kLemmaObjectKind, lh, hash_bytes(ok),
              [&] { return "lemma+objkind=" + lemma_ + "+" + ok; });
    const uint64_t dh = hash_bytes(dict_);
    sink_.add(kDictSubject, dh, hash_bytes(sk), [&] { return "dict+subj=" + dict_ + "+" + sk; });
    sink_.add(kDictObject, dh, hash_bytes(ok), [&] { return "dict+objkind=" + dict_ + "+" + ok; });
    sink_.add(kSubjectObject, hash_bytes(sk), hash_bytes(ok),
              [&] { return "subj+objkind=" + sk + "+" + ok; });
    const std::string rel(p_.rel(lt));
    sink_.add(kDictRelation, dh, hash_bytes(rel), [&] { return "dict+rel=" + dict_ + "+" + rel; });
  }

  const CoderInput& in_;
  const EventDictionaries& d_;
  const SentenceParse& p_;
  const std::vector<Word>& words_;
  const Trigger& t_;
  Sink& sink_;
  std::string lemma_;
  std::string dict_ = "none";  ///< the dictionaries' reading: a type, "role" or "none"
};

}  // namespace

void trigger_features(const CoderInput& in, const Trigger& t, std::vector<uint64_t>& keys,
                      std::vector<std::string>* names) {
  Sink sink(keys, names);
  Extractor(in, t, sink).run();
}

void lexical_features(const EventDictionaries& dicts, std::string_view lemma,
                      std::string_view particle, std::string_view object,
                      std::vector<uint64_t>& keys, std::vector<std::string>* names) {
  Sink sink(keys, names);
  const std::string l(lemma);
  const uint64_t lh = hash_bytes(l);
  sink.add(kBias, 1, 0, [] { return std::string("bias"); });
  sink.add(kLemma, lh, 0, [&] { return "lemma=" + l; });
  std::string obj_file;
  if (!particle.empty()) {
    sink.add(kLemmaParticle, lh, hash_bytes(particle),
             [&] { return "lemma+prt=" + l + "+" + std::string(particle); });
  }
  if (!object.empty()) {
    const std::string o(object);
    obj_file = std::string(dicts.wordnet.noun_file(o));
    sink.add(kLemmaObject, lh, hash_bytes(o), [&] { return "lemma+obj=" + l + "+" + o; });
    sink.add(kObjectLemma, hash_bytes(o), 0, [&] { return "obj=" + o; });
    if (!obj_file.empty()) {
      sink.add(kLemmaObjectFile, lh, hash_bytes(obj_file),
               [&] { return "lemma+obj.wn=" + l + "+" + obj_file; });
    }
  }
  std::string verb_lemma = l;
  if (!particle.empty() && !dicts.wordnet.verb(l + "_" + std::string(particle)).empty()) {
    verb_lemma = l + "_" + std::string(particle);
  }
  wordnet_verb(dicts, verb_lemma, obj_file, sink);
  cluster_features(dicts, l, sink);
}

}  // namespace dateline::events
