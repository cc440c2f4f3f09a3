// SPDX-License-Identifier: Apache-2.0
// HTML pages: decoded to UTF-8 (charset.h), parsed by gumbo into a page model of elements
// and text blocks (html_page.h), the article's text found on it (html_content.h) and the
// page's metadata read (html_meta.h).
#include "ingest/charset.h"
#include "ingest/html_content.h"
#include "ingest/html_limits.h"
#include "ingest/html_meta.h"
#include "ingest/html_page.h"
#include "ingest/reader.h"

namespace dateline::ingest {
namespace {

// Deeper nesting than this is ignored: no article needs it, and it bounds the recursion.
constexpr int kMaxDepth = 256;

}  // namespace

Result<Document> read_html(std::string_view raw, const std::string& path,
                           std::string_view http_charset, std::string_view fetched_url) {
  Document doc;
  // gumbo wants UTF-8: decode (or repair) first, so that diagnostics name bytes of the file;
  // then bound its size and nesting before gumbo parses it (html_limits.h).
  DecodedPage decoded = decode_page(raw, http_charset, path, &doc.diagnostics);
  DL_RETURN_IF_ERROR(limit_html(decoded.html, path, &doc.diagnostics));

  html::PageModel page = html::parse_page(decoded.html, kMaxDepth);
  std::string_view page_url = page.canonical.empty() ? fetched_url : page.canonical;
  html::JsonLdArticle ld = html::read_json_ld(page.json_ld, page_url);
  html::ArticleText article = html::extract_article(page, ld.body);
  doc.text = std::move(article.text);
  html::read_page_meta(page, ld, article, fetched_url, doc.meta);
  const std::string_view source = article.source;
  if (source == "json-ld") {
    doc.diagnostics.push_back({"html_body_from_json_ld",
                               path + ": no article text in the markup; read JSON-LD articleBody",
                               -1});
  } else if (source == "short-text") {
    doc.diagnostics.push_back({"html_short_text",
                               path + ": no paragraph of prose found; read the page's short text",
                               -1});
  }
  if (doc.text.empty()) {
    return error(ErrorCode::kBadInput, path + ": HTML page has no article text");
  }
  doc.meta.path = path;
  set_identity(doc, path);
  return doc;
}

}  // namespace dateline::ingest
