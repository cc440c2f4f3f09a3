// SPDX-License-Identifier: Apache-2.0
#include "ingest/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline::ingest {
namespace {

TEST(Charset, FindsTheDeclaration) {
  static const struct {
    const char* html;
    const char* label;
  } kCases[] = {
      {"<html><head><meta charset=\"ISO-8859-1\"><title>x</title>", "ISO-8859-1"},
      {"<html><head><META CHARSET=windows-1252>", "windows-1252"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">",
       "iso-8859-15"},
      {"<meta content='text/html;charset=UTF-8' http-equiv='content-type'/>", "UTF-8"},
      {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html>", "ISO-8859-1"},
      // A commented-out declaration does not count; the live one after it does.
      {"<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">", "utf-8"},
      {"<html><head><metadata charset=x><meta name=viewport content=\"width=1\">", ""},
      {"<html><body>charset=latin1 in the text is not a declaration</body></html>", ""},
      {"<meta charset=", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(declared_charset(c.html), c.label) << c.html;
  EXPECT_EQ(content_type_charset("text/html; charset=\"Shift_JIS\""), "Shift_JIS");
  EXPECT_EQ(content_type_charset("text/html"), "");
}

TEST(Charset, ReadsLabelsAsTheEncodingStandardDoes) {
  static const struct {
    const char* label;
    const char* name;
  } kCases[] = {
      {"UTF-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"ISO-8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"},
      {"US-ASCII", "WINDOWS-1252"},
      {" windows-1252 ", "WINDOWS-1252"},
      {"gb2312", "GBK"},
      {"Shift_JIS", "CP932"},
      {"iso-8859-2", "ISO-8859-2"},
      {"windows-1250", "WINDOWS-1250"},
      {"utf-16", "UTF-8"},
      {"no-such-charset", ""},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(canonical_charset(c.label), c.name) << c.label;
}

// Pages written for this test in single-byte charsets (the bytes are given in hex).
TEST(Charset, DecodesPagesToUtf8) {
  static const struct {
    const char* name;
    std::string bytes;
    const char* http;
    const char* text;  // a piece the decoded page must contain
    const char* charset;
    const char* decision;
    const char* diagnostic;  // code of the diagnostic expected, or ""
  } kCases[] = {
      {"ISO-8859-1 declared",
       "<meta charset=\"iso-8859-1\"><p>Caf\xE9 cr\xE8me, na\xEFve, \xE0 la Z\xFCrich.</p>", "",
       "Caf\xC3\xA9 cr\xC3\xA8me, na\xC3\xAFve, \xC3\xA0 la Z\xC3\xBCrich.", "WINDOWS-1252", "meta",
       ""},
      {"windows-1252 quotes, dashes, euro",
       "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">"
       "<p>\x93Yes,\x94 she said \x96 it costs \x80"
       "5\x85</p>",
       "",
       "\xE2\x80\x9CYes,\xE2\x80\x9D she said \xE2\x80\x93 it costs \xE2\x82\xAC"
       "5\xE2\x80\xA6",
       "WINDOWS-1252", "meta", ""},
      {"windows-1252 bytes under an ISO-8859-1 label",
       "<meta charset=ISO-8859-1><p>\x91quoted\x92</p>", "", "\xE2\x80\x98quoted\xE2\x80\x99",
       "WINDOWS-1252", "meta", ""},
      {"nothing declared, not UTF-8",
       "<p>Stra\xDF"
       "e in M\xFCnchen</p>",
       "",
       "Stra\xC3\x9F"
       "e in M\xC3\xBCnchen",
       "WINDOWS-1252", "guess", "charset_guessed"},
      {"nothing declared, UTF-8",
       "<p>Stra\xC3\x9F"
       "e</p>",
       "",
       "Stra\xC3\x9F"
       "e",
       "UTF-8", "default", ""},
      {"HTTP charset wins over the page's", "<meta charset=utf-8><p>Z\xFCrich</p>", "ISO-8859-1",
       "Z\xC3\xBCrich", "WINDOWS-1252", "http", ""},
      {"byte-order mark", "\xEF\xBB\xBF<meta charset=iso-8859-1><p>Z\xC3\xBCrich</p>", "",
       "Z\xC3\xBCrich", "UTF-8", "bom", ""},
      {"declared UTF-8, a stray byte", "<meta charset=utf-8><p>Z\xFCrich</p>", "",
       "Z\xEF\xBF\xBDrich", "UTF-8", "meta", "invalid_utf8"},
      {"mislabelled: declared Latin-1, bytes are UTF-8",
       "<meta charset=iso-8859-1><p>Z\xC3\xBCrich</p>", "", "Z\xC3\xBCrich", "UTF-8", "content",
       "charset_mismatch"},
      {"unknown label", "<meta charset=x-klingon><p>plain</p>", "", "plain", "UTF-8", "default",
       "charset_unknown"},
      {"a byte windows-1252 leaves undefined", "<meta charset=windows-1252><p>a\x81z</p>", "",
       "a\xEF\xBF\xBDz", "WINDOWS-1252", "meta", "invalid_utf8"},
      {"ISO-8859-2 (Polish)",
       "<meta charset=iso-8859-2><p>\xB3\xF3\xBF"
       "ko</p>",
       "", "\xC5\x82\xC3\xB3\xC5\xBCko", "ISO-8859-2", "meta", ""},
  };
  for (const auto& c : kCases) {
    std::vector<Diagnostic> diags;
    DecodedPage page = decode_page(c.bytes, c.http, "page.html", &diags);
    EXPECT_NE(page.html.find(c.text), std::string::npos) << c.name << ": " << page.html;
    EXPECT_EQ(page.charset, c.charset) << c.name;
    EXPECT_EQ(page.decision, c.decision) << c.name;
    if (*c.diagnostic) {
      ASSERT_FALSE(diags.empty()) << c.name;
      EXPECT_EQ(diags[0].code, c.diagnostic) << c.name;
      EXPECT_NE(diags[0].message.find("page.html"), std::string::npos) << diags[0].message;
    } else {
      EXPECT_TRUE(diags.empty()) << c.name << ": " << diags[0].message;
    }
  }
}

TEST(Charset, ReportsTheFileOffsetOfBadBytes) {
  std::vector<Diagnostic> diags;
  std::vector<size_t> bad;
  std::string out = to_utf8(
      "ab\x81\x8D"
      "cd",
      "WINDOWS-1252", &bad);
  EXPECT_EQ(out,
            "ab\xEF\xBF\xBD\xEF\xBF\xBD"
            "cd");
  EXPECT_EQ(bad, (std::vector<size_t>{2, 3}));
  decode_page("<meta charset=windows-1252>\x81", "", "p.html", &diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].byte, 27);
  EXPECT_NE(diags[0].message.find("p.html: byte 27: not valid WINDOWS-1252"), std::string::npos)
      << diags[0].message;
}

}  // namespace
}  // namespace dateline::ingest
