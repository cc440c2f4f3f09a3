// SPDX-License-Identifier: Apache-2.0
#include "events/event_coder.h"

#include <gtest/gtest.h>

#include "events/test_document.h"

namespace dateline::events {
namespace {

const EventCoder& coder() {
  static const EventCoder* c = [] {
    auto r = EventCoder::load({testing::lexicons_dir(), ""});
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return new EventCoder(std::move(r).value());
  }();
  return *c;
}

struct EventCase {
  const char* text;
  const char* actor;   // code prefix the actor must start with; "" for none
  const char* plover;
  const char* target;  // code prefix; "" for none
  bool negated;
  const char* modality;
  const char* trigger;
};

// Sentences written for these tests. Each must yield an event with the given fields.
TEST(EventCoder, CodesActorActionTarget) {
  static const EventCase kCases[] = {
      // negation, with the auxiliary in the action text
      // (no target is named: a domestic event of the actor's country)
      {"Colombia did not send a delegation to the summit.", "COL", "CONSULT", "COL", true, "",
       "did not send"},
      // negation plus modality
      {"Peru would never attack Bolivia.", "PER", "ASSAULT", "BOL", true, "would never",
       "would never attack"},
      // passive with a by-agent: actor and target swap
      {"Two Venezuelan gangs were designated by the United States as terrorist groups.", "USA",
       "COERCE", "VENCRM", false, "", "designated"},
      // a modal verb puts its complement in a mode
      {"Canada is expected to send aid to Haiti.", "CAN", "AID", "HTI", false, "expected",
       "send"},
      // a control verb keeps its complement in one event
      {"Peru threatened to expel the Bolivian ambassador.", "PER", "THREATEN", "BOLGOV", false,
       "", "threatened"},
      // coordinated verbs share the subject
      {"The Kenyan army seized the port and aided Somalia.", "KENMIL", "AID", "SOM", false, "",
       "aided"},
      {"The Kenyan army seized the port and aided Somalia.", "KENMIL", "COERCE", "KEN", false, "",
       "seized"},
      // a nominal trigger carried by a light verb
      {"Egyptian officials delivered an ultimatum to Sudan.", "EGYGOV", "THREATEN", "SDN", false,
       "", "delivered an ultimatum"},
      // progressive aspect, sector from the agent word
      {"Japanese troops are assisting Philippine forces.", "JPNMIL", "AID", "PHLMIL", false, "",
       "assisting"},
      // an obligation laid on another actor in reported speech is a demand
      {"Chilean officials declared on Monday that Bolivia must withdraw its troops.", "CHLGOV",
       "REQUEST", "BOL", false, "", "declared"},
      // "engaged with" is consultation; a possessive object is still the target
      {"French diplomats engaged with their Malian counterparts.", "FRAGOV", "CONSULT", "MLI",
       false, "", "engaged with"},
  };
  for (const EventCase& c : kCases) {
    Document doc = testing::one_sentence_document(c.text, "2026-03-01");
    ASSERT_TRUE(coder().annotate(doc).ok());
    bool found = false;
    std::string got;
    for (const Event& e : doc.events) {
      got += "[" + e.actor.code + " " + e.plover + " " + e.target.code + " '" + e.trigger_text +
             "' neg=" + std::to_string(e.negated) + " mod=" + e.modality + "] ";
      if (e.plover != c.plover || e.trigger_text != c.trigger) continue;
      EXPECT_TRUE(e.actor.code.starts_with(c.actor)) << c.text << " got " << e.actor.code;
      if (*c.actor == 0) {
        EXPECT_EQ(e.actor.code, "") << c.text;
      }
      EXPECT_TRUE(e.target.code.starts_with(c.target)) << c.text << " got " << e.target.code;
      if (*c.target == 0) {
        EXPECT_EQ(e.target.code, "") << c.text;
      }
      EXPECT_EQ(e.negated, c.negated) << c.text;
      EXPECT_EQ(e.modality, c.modality) << c.text;
      EXPECT_FALSE(e.why.empty());
      // every event names the dictionary line or the rule that made it
      EXPECT_TRUE(e.why.find("verbs.tsv:") != std::string::npos ||
                  e.why.find("<- rule: ") != std::string::npos)
          << e.why;
      EXPECT_EQ(e.date, "2026-03-01");
      EXPECT_EQ(e.date_source, DateSource::kPublication);
      found = true;
    }
    EXPECT_TRUE(found) << c.text << " -> " << got;
  }
}

// With a dependency parse the participants come from the parse; sentences written for these
// tests, where word order alone gives a different answer.
TEST(EventCoder, ParticipantsFromTheParse) {
  struct ParseCase {
    const char* text;
    const char* parse;  // HEAD:DEPREL:UPOS per token (test_document.h)
    const char* actor;
    const char* plover;
    const char* target;
  };
  static const ParseCase kCases[] = {
      // conjoined subjects: the actor is the first conjunct's phrase, not the nearest noun
      {"Israeli helicopters and tanks shelled positions of the Syrian army .",
       "2:amod:ADJ 5:nsubj:NOUN 4:cc:CCONJ 2:conj:NOUN 0:root:VERB 5:obj:NOUN 10:case:ADP "
       "10:det:DET 10:amod:ADJ 6:nmod:NOUN 5:punct:PUNCT",
       "ISRMIL", "ASSAULT", "SYRMIL"},
      // the one complained to is the addressee; the accused is the target
      {"Chad complained to the United Nations about Sudanese raids .",
       "2:nsubj:PROPN 0:root:VERB 6:case:ADP 6:det:DET 6:compound:PROPN 2:obl:PROPN "
       "9:case:ADP 9:amod:ADJ 2:obl:NOUN 2:punct:PUNCT",
       "TCD", "ACCUSE", "SDN"},
      // a participle modifying a noun is no action and does not cut the object off
      {"Syria rejected proposed Turkish changes .",
       "2:nsubj:PROPN 0:root:VERB 5:amod:VERB 5:amod:ADJ 2:obj:NOUN 2:punct:PUNCT", "SYR",
       "REJECT", "TUR"},
      // an adjunct ("following ...") names no participant: the target is the place's country
      {"Egypt arrested smugglers in Gaza following the deaths of two Israelis .",
       "2:nsubj:PROPN 0:root:VERB 2:obj:NOUN 5:case:ADP 2:obl:PROPN 8:case:VERB 8:det:DET "
       "2:obl:NOUN 11:case:ADP 11:nummod:NUM 8:nmod:PROPN 2:punct:PUNCT",
       "EGY", "COERCE", "PSE"},
      // "which" after a name refers to that name, even when the parse attaches the relative
      // clause to the noun the name hangs from
      {"The plan worried US partners in Asia , including Japan , which did not send a "
       "delegation .",
       "2:det:DET 3:nsubj:NOUN 0:root:VERB 5:compound:PROPN 3:obj:NOUN 7:case:ADP 5:nmod:PROPN "
       "10:punct:PUNCT 10:case:VERB 5:nmod:PROPN 15:punct:PUNCT 15:nsubj:PRON 15:aux:AUX "
       "15:advmod:PART 5:acl:relcl:VERB 17:det:DET 15:obj:NOUN 3:punct:PUNCT",
       "JPN", "CONSULT", ""},
      // a demand that someone act is directed at that someone, not at the objects of the act
      {"Egypt reiterated its demand that Iran ease curbs on Turkish traders .",
       "2:nsubj:PROPN 0:root:VERB 4:nmod:poss:PRON 2:obj:NOUN 7:mark:SCONJ 7:nsubj:PROPN "
       "2:ccomp:VERB 7:obj:NOUN 11:case:ADP 11:amod:ADJ 8:nmod:NOUN 2:punct:PUNCT",
       "EGY", "REQUEST", "IRN"},
  };
  for (const ParseCase& c : kCases) {
    Document doc = testing::one_sentence_document(c.text, "2026-03-01");
    testing::add_parse(doc, c.parse);
    ASSERT_TRUE(coder().annotate(doc).ok());
    std::string got;
    for (const Event& e : doc.events) {
      got += "[" + e.actor.code + " " + e.plover + " " + e.target.code + "] ";
    }
    ASSERT_EQ(doc.events.size(), 1u) << c.text << " -> " << got;
    const Event& e = doc.events[0];
    EXPECT_TRUE(e.actor.code.starts_with(c.actor)) << c.text << " -> " << got;
    if (*c.plover) {
      EXPECT_EQ(e.plover, c.plover) << c.text;
    }
    EXPECT_TRUE(e.target.code.starts_with(c.target)) << c.text << " -> " << got << e.why;
  }
}

// Actor coding facts that hold without a parse.
TEST(EventCoder, PeoplesAndMemberStates) {
  static const struct {
    const char* text;
    const char* actor;
  } kCases[] = {
      // an ethnic group is coded by where it lives, not by its nation state
      {"Ethnic Serbs in Croatia protested against the government .", "HRV"},
      {"The Serbs of Croatia protested against the government .", "HRV"},
      // a country described by its alliance is still the country
      {"NATO-member Portugal sent aid to Angola .", "PRT"},
  };
  for (const auto& c : kCases) {
    Document doc = testing::one_sentence_document(c.text, "2026-03-01");
    ASSERT_TRUE(coder().annotate(doc).ok());
    ASSERT_FALSE(doc.events.empty()) << c.text;
    EXPECT_TRUE(doc.events[0].actor.code.starts_with(c.actor))
        << c.text << " -> " << doc.events[0].actor.code << " " << doc.events[0].why;
  }
}

TEST(EventCoder, NoEventWithoutAnEventVerb) {
  static const char* kCases[] = {
      "The weather in Lima was mild.",
      "Officials spoke to the press in Madrid.",
      "The attack on the convoy was the third this year.",  // a noun without a light verb
  };
  for (const char* text : kCases) {
    Document doc = testing::one_sentence_document(text);
    ASSERT_TRUE(coder().annotate(doc).ok());
    EXPECT_TRUE(doc.events.empty()) << text << ": " << (doc.events.empty() ? "" : doc.events[0].why);
  }
}

TEST(EventCoder, PlaceAndPassiveWithoutAgent) {
  Document doc = testing::one_sentence_document("Brazilian police arrested three smugglers in Argentina.");
  ASSERT_TRUE(coder().annotate(doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].actor.code, "BRACOP");
  EXPECT_EQ(doc.events[0].plover, "COERCE");
  EXPECT_EQ(doc.events[0].place.country, "ARG");
  EXPECT_EQ(doc.events[0].place.name, "Argentina");
  EXPECT_EQ(doc.events[0].goldstein, -5.0);
  EXPECT_EQ(doc.events[0].quad_class, 4);
}

TEST(EventCoder, DefaultCoderAddsNothing) {
  Document doc = testing::one_sentence_document("Peru attacked Bolivia.");
  EventCoder empty;
  ASSERT_TRUE(empty.annotate(doc).ok());
  EXPECT_TRUE(doc.events.empty());
}

TEST(EventCoder, MissingLexiconIsAnError) {
  auto r = EventCoder::load({"/nonexistent/lexicons", ""});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace dateline::events
