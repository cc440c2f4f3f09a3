// SPDX-License-Identifier: Apache-2.0
#include "ingest/reader.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "text/utf8.h"

namespace dateline::ingest {

Document make_document(std::string_view raw, const std::string& path) {
  Document doc;
  std::vector<size_t> bad;
  doc.text = text::repair_utf8(raw, &bad);
  for (size_t at : bad) {
    doc.diagnostics.push_back({"invalid_utf8", path + ": byte " + std::to_string(at) +
                                                   ": invalid UTF-8 replaced by U+FFFD",
                               static_cast<int64_t>(at)});
  }
  doc.meta.path = path;
  doc.meta.id = std::filesystem::path(path).stem().string();
  doc.content_hash = text::content_hash(doc.text);
  if (doc.meta.id.empty() || path == "-") doc.meta.id = doc.content_hash;
  return doc;
}

}  // namespace dateline::ingest

namespace dateline {

// TODO(ingest): HTML, JSON Lines, directories, binary and size checks.
void read_articles(const std::vector<std::string>& inputs, const ReaderOptions& options,
                   const ArticleSink& on_article, const ErrorSink& on_error) {
  (void)options;
  for (const auto& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      on_error(error(ErrorCode::kNotFound, path + ": cannot open"));
      continue;
    }
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    on_article(ingest::make_document(raw, path));
  }
}

}  // namespace dateline
