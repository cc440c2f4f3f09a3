// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the store's query side: arbitrary filter values (names, words for the
// full-text index, dates of any precision, codes, ids) go to every query of a store that
// holds two analysed articles. Nothing may crash or read out of bounds; a value the store
// cannot use must come back as a Status.
// Input: the values one a line, in the order of kFields below; missing lines are empty.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "dateline/store.h"
#include "store/day_range.h"
#include "store/people.h"

namespace {

using namespace dateline;

// Two articles written for the fuzzer: a person named in full and by surname, a quote, a
// date, an arrest to code as an event.
constexpr const char* kArticles[] = {
    "Harbor council delays ferry vote\n\nPORTVALE - Council chair Mara Quint said on Tuesday "
    "that the ferry vote would wait until June.\n\n\"We need the safety report,\" Quint told "
    "reporters. Police arrested two protesters outside the town hall.\n",
    "Ferry service resumes\n\nPORTVALE - Mara Quint, the council chair, said on Sunday that the "
    "ferry would run again from Monday.\n",
};

Store* open_store() {
  static Store* store = [] {
    Result<Pipeline> pipeline = Pipeline::create({});
    Result<Store> s = Store::open({":memory:"});
    if (!pipeline.ok() || !s.ok()) __builtin_trap();
    Result<int64_t> run = s->begin_run({"fuzz", "0", pipeline->fingerprint()});
    ReaderOptions reader;
    reader.default_published = "2026-04-02";
    for (const char* text : kArticles) {
      read_article_bytes(
          text, "fuzz.txt", "text/plain", reader,
          [&](Document&& doc) {
            (void)pipeline->process(doc);
            if (!s->put(doc, run.value()).ok()) __builtin_trap();
          },
          [](const Status&) { __builtin_trap(); });
    }
    return new Store(std::move(s).value());
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> f;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  while (f.size() < 12) {
    const size_t nl = in.find('\n');
    f.emplace_back(in.substr(0, nl));
    if (nl == std::string_view::npos) break;
    in.remove_prefix(nl + 1);
  }
  f.resize(12);
  const int limit = f[11].empty() ? 0 : static_cast<unsigned char>(f[11][0]) % 5;
  Store& store = *open_store();
  (void)store.quotes({f[0], f[1], f[2], limit});
  (void)store.people(f[3]);
  (void)store.entities({f[4], f[3], limit});
  (void)store.events({f[5], f[6], f[4], f[7], f[8], limit});
  (void)store.timeline({f[7], f[8], f[9], limit});
  if (Result<StoredArticle> a = store.find_article(f[10]); a.ok()) (void)store.load_document(*a);
  if (Result<std::vector<PersonRecord>> people = store.people(""); people.ok()) {
    for (const PersonRecord& p : *people) (void)store.person(p.id);
  }
  (void)store::day_range(f[2]);
  (void)store::name_key(f[3]);
  return 0;
}
