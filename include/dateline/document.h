// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The document model: one plain value that every pipeline stage enriches in turn
/// (ingest -> segment -> syntax -> entities, dates -> quotes -> events).
///
/// Conventions that hold for every record below:
///  - A Span is a half-open range [begin, end) of UTF-8 *byte* offsets into Document::text,
///    the article text exactly as read (after invalid bytes were repaired, see Diagnostic).
///  - Records refer to each other by index into the Document's vectors, never by pointer,
///    so a Document can be copied, moved and stored without dangling references.
///    An index of -1 means "none".
///  - Every extracted record carries `why`: a short human-readable explanation of the rule,
///    dictionary entry or model decision that produced it.
/// A Document is a value: not synchronised, owned by whoever is processing it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

/// Half-open byte range [begin, end) into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  bool contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  bool overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// Article-level metadata, given by the input or read from the article itself.
struct DocumentMeta {
  std::string id;         ///< given id, else the file stem, else the content hash
  std::string path;       ///< file the article came from ("-" for stdin), with ":LINE" for JSONL
  std::string url;
  std::string title;
  std::string outlet;     ///< publication name ("Dawn", "Latin Times")
  /// ISO 8601, possibly partial: "2026-03-06", "2025-11", "2025"; with the time of day and its
  /// UTC offset when the input gives them ("2026-03-06T18:09:00-07:00": the local day and
  /// time where it was published).
  std::string published;
  std::string modified;   ///< last modification the page states, same form as `published`
  std::string crawled;    ///< when a crawler fetched the page (WARC-Date), ISO 8601 UTC
  std::string dateline;   ///< place of the dateline ("MIAMI"), as written
  std::string byline;     ///< author(s) as written
  std::string language = "en";
  /// Where each metadata field came from: "input", "html-meta", "json-ld", "credit-line",
  /// "copyright-line", "dateline", ... keyed by field name, in field order.
  std::vector<std::pair<std::string, std::string>> provenance;
};

/// A problem found while reading or processing an article. It is kept with the article and
/// stored; it never stops the batch.
struct Diagnostic {
  std::string code;     ///< stable short name: "invalid_utf8", "empty", "binary", ...
  std::string message;  ///< with file and position
  int64_t byte = -1;    ///< byte offset in the input where the problem is, or -1
};

struct Paragraph {
  Span span;
  bool boilerplate = false;  ///< credit, copyright, "read more": no stage extracts from it
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;    ///< index into Document::paragraphs
  uint32_t token_begin = 0;  ///< first token index (into Document::tokens)
  uint32_t token_end = 0;    ///< one past the last token index
  bool boilerplate = false;  ///< inherited from its paragraph
};

/// One token. The syntax fields are empty (head == kNoHead) until the syntax stage runs.
struct Token {
  static constexpr int32_t kRoot = -1;    ///< head of the sentence root
  static constexpr int32_t kNoHead = -2;  ///< not parsed

  Span span;
  uint32_t sentence = 0;     ///< index into Document::sentences
  bool space_after = true;   ///< false when the next token follows with no white space
  /// True when this word and the next are one surface token split into syntactic words, as
  /// UD does for clitics: "Google's" -> "Google" + "'s", "don't" -> "do" + "n't".
  bool fused_with_next = false;
  std::string upos;          ///< Universal POS tag ("PROPN")
  std::string xpos;          ///< Penn Treebank tag ("NNP")
  std::string feats;         ///< UD features ("Number=Sing|Tense=Past"), "" for none
  std::string lemma;
  int32_t head = kNoHead;    ///< document token index of the head, kRoot, or kNoHead
  std::string deprel;        ///< UD relation to the head ("nsubj", "ccomp")
};

enum class EntityType { kPerson, kOrg, kGpe, kLoc, kNorp, kFac, kEvent, kOther };

/// How a mention refers to its entity.
enum class MentionKind {
  kName,     ///< the name or a fuller form of it ("Stephen Miller")
  kPartial,  ///< part of the name ("Miller")
  kPronoun,  ///< "he", "her"
  kNominal,  ///< a description or title ("the president", "the adviser")
};

struct Mention {
  Span span;
  int32_t entity = -1;  ///< index into Document::entities
  uint32_t sentence = 0;
  MentionKind kind = MentionKind::kName;
  std::string why;
};

/// A title or role held by a person as the article states it.
struct Title {
  std::string text;          ///< "homeland security adviser", "Defence Secretary"
  Span span;                 ///< where the article states it
  std::string organization;  ///< "White House", "Center for Strategic and International Studies"
  std::string country;       ///< ISO 3166 alpha-3 of the role's country, when stated
  std::string why;
};

struct Entity {
  std::string name;  ///< the fullest form in the article
  EntityType type = EntityType::kOther;
  std::vector<Title> titles;
  std::vector<int32_t> mentions;  ///< indices into Document::mentions, in text order
  std::string country;            ///< ISO 3166 alpha-3, for places and national actors
  std::string wikidata;           ///< "Q42" when known
  double latitude = 0, longitude = 0;
  bool has_coordinates = false;
  std::string why;
};

enum class TimeType { kDate, kTime, kDuration, kSet };

/// Which expression a record's date came from.
enum class DateSource {
  kNone,         ///< no date known
  kExpression,   ///< a time expression governing the record (index in `time`)
  kPublication,  ///< the article's publication date
};

/// A time expression normalised TIMEX3-style against the anchor (publication) date.
struct TimeExpression {
  Span span;
  TimeType type = TimeType::kDate;
  std::string value;   ///< TIMEX3 value: "2026-03-05", "2026-02", "2026-W10", "P1W", "PAST_REF"
  std::string anchor;  ///< the date it was resolved against, "" when absolute
  std::string mod;     ///< TIMEX3 mod: "START" ("early 2025"), "MID", "END", "APPROX", ...; "" none
  bool resolved = true;  ///< false when relative and no anchor was known (value is then "")
  uint32_t sentence = 0;
  std::string why;
};

enum class QuoteKind { kDirect, kMixed, kIndirect };
enum class QuoteMode { kSpeech, kThought };

struct Speaker {
  Span span;                 ///< the mention in this sentence ("he", "Miller"); empty if none
  std::string text;          ///< the mention as written
  std::string name;          ///< resolved full name ("Stephen Miller"), "" if unresolved
  std::string title;         ///< title held then, from the entities layer
  int32_t entity = -1;       ///< index into Document::entities
  bool anonymous = false;    ///< "three people familiar with...", "officials"
  std::string description;   ///< for anonymous sources: the description as written
};

/// One attribution: a direct, mixed or indirect quotation or a reported thought.
struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  QuoteMode mode = QuoteMode::kSpeech;
  Speaker speaker;
  Span cue;                  ///< "said", "told", "according to"; empty if none
  std::vector<Span> content; ///< fragments of the content, in text order (split quotes)
  Span addressee;            ///< "Latin American defense leaders"; empty if none
  std::string date;          ///< ISO date of the statement
  DateSource date_source = DateSource::kNone;
  int32_t time = -1;         ///< index into Document::times when date_source is kExpression
  uint32_t sentence = 0;
  std::string why;
};

/// A participant of an event, coded CAMEO-style: country (or IGO, ...) plus sector.
struct EventParticipant {
  Span span;
  std::string text;
  std::string code;    ///< "USAGOV", "MEXCRM", "COL"; "" when not coded
  int32_t entity = -1;
};

struct Place {
  Span span;
  std::string name;
  std::string country;  ///< ISO 3166 alpha-3
  double latitude = 0, longitude = 0;
  bool has_coordinates = false;
};

/// One coded event: actor, action, target.
struct Event {
  EventParticipant actor;
  EventParticipant target;
  Span trigger;                ///< the action words ("blown up", "did not send")
  std::string trigger_text;
  std::string plover;          ///< PLOVER 2.0 event type ("ASSAULT")
  std::string plover_mode;     ///< PLOVER mode, "" for none
  std::string cameo;           ///< closest CAMEO code ("190")
  double goldstein = 0;
  int quad_class = 0;          ///< 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material
  bool negated = false;        ///< "did not send"
  std::string modality;        ///< "", "would", "expected", "never", "hinted", ...
  std::string date;
  DateSource date_source = DateSource::kNone;
  int32_t time = -1;
  Place place;                 ///< empty span when the sentence names none
  uint32_t sentence = 0;
  std::string why;             ///< dictionary entry or model features behind the coding
};

/// One article and everything dateline found in it.
struct Document {
  DocumentMeta meta;
  std::string text;          ///< UTF-8, exactly as read (invalid bytes repaired to U+FFFD)
  std::string content_hash;  ///< hex digest of `text`, the store's identity of an article
  std::string engine_version;      ///< dateline version that analysed it
  std::string engine_fingerprint;  ///< fingerprint of the models and lexicons used

  std::vector<Diagnostic> diagnostics;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<TimeExpression> times;
  std::vector<Quote> quotes;
  std::vector<Event> events;

  std::string_view slice(const Span& s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

const char* to_string(EntityType type);      ///< "PERSON", "ORG", "GPE", ...
const char* to_string(MentionKind kind);     ///< "name", "partial", "pronoun", "nominal"
const char* to_string(TimeType type);        ///< "DATE", "TIME", "DURATION", "SET"
const char* to_string(DateSource source);    ///< "none", "expression", "publication"
const char* to_string(QuoteKind kind);       ///< "direct", "mixed", "indirect"
const char* to_string(QuoteMode mode);       ///< "speech", "thought"

}  // namespace dateline
