// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the article readers and the metadata pass: arbitrary bytes go through
// each reader (text, HTML, JSON Lines, WARC) and every article read goes through
// complete_metadata(). Nothing may crash, hang or read out of bounds, and every span the
// readers and metadata produce must lie inside the text.
//   cmake --preset fuzz && cmake --build --preset fuzz && bash tests/fuzz/run.sh 60 reader_fuzz
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/metadata.h"
#include "ingest/reader.h"
#include "text/utf8.h"

namespace {

using dateline::Document;

// Paragraphs as blank-line-separated blocks, one sentence each: enough structure for the
// metadata pass without linking the segmenter.
void crude_paragraphs(Document& doc) {
  const std::string& t = doc.text;
  size_t i = 0;
  while (i < t.size()) {
    size_t end = t.find("\n\n", i);
    if (end == std::string::npos) end = t.size();
    if (end > i) {
      dateline::Paragraph p;
      p.span = {uint32_t(i), uint32_t(end)};
      dateline::Sentence s;
      s.span = p.span;
      s.paragraph = uint32_t(doc.paragraphs.size());
      doc.paragraphs.push_back(p);
      doc.sentences.push_back(s);
    }
    i = end + 2;
  }
}

void check(Document&& doc) {
  if (dateline::text::find_invalid_utf8(doc.text) != std::string_view::npos) __builtin_trap();
  crude_paragraphs(doc);
  dateline::ingest::complete_metadata(doc);
  for (const auto& p : doc.paragraphs) {
    if (p.span.end > doc.text.size()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dateline::ReaderOptions options;
  auto ignore = [](const dateline::Status&) {};
  for (auto format :
       {dateline::ingest::InputFormat::kText, dateline::ingest::InputFormat::kHtml,
        dateline::ingest::InputFormat::kJsonLines, dateline::ingest::InputFormat::kWarc}) {
    dateline::ingest::read_buffer(bytes, "fuzz", options, check, ignore, format);
  }
  return 0;
}
