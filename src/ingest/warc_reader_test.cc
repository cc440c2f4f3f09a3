// SPDX-License-Identifier: Apache-2.0
#include "ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "ingest/reader.h"

namespace dateline::ingest {
namespace {

// One gzip member holding `data`, as Common Crawl compresses each record.
std::string gzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A WARC record with the given type, extra header lines and block.
std::string record(const std::string& type, const std::string& id, const std::string& headers,
                   const std::string& block) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nWARC-Date: 2026-03-06T10:15:00Z\r\n" + headers +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string response(const std::string& id, const std::string& url, const std::string& http_head,
                     const std::string& body, const std::string& digest = "") {
  return record("response", id,
                "WARC-Target-URI: " + url +
                    "\r\nContent-Type: application/http; msgtype=response\r\n" +
                    (digest.empty() ? "" : "WARC-Payload-Digest: " + digest + "\r\n"),
                http_head + "\r\n\r\n" + body);
}

std::string page(const std::string& title, const std::string& paragraph) {
  return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" +
         paragraph + "</p></article></body></html>";
}

// Chunked transfer coding of `s` in two chunks.
std::string chunked(const std::string& s) {
  char size[32];
  const size_t half = s.size() / 2;
  std::string out;
  std::snprintf(size, sizeof size, "%zx", half);
  out += std::string(size) + "\r\n" + s.substr(0, half) + "\r\n";
  std::snprintf(size, sizeof size, "%zx", s.size() - half);
  out += std::string(size) + ";ext=1\r\n" + s.substr(half) + "\r\n0\r\n\r\n";
  return out;
}

// The records of a small crawl written for these tests: pages of our own, in UTF-8 and in
// ISO-8859-1 (declared only in the HTTP header), chunked and gzip-coded, beside records that
// are not pages.
std::vector<std::string> crawl_records() {
  const std::string harbour = page(
      "Harbour talks resume",
      "Talks between the port authority and the dockers' union resumed on Friday in the harbour "
      "master's office, the first meeting since the strike began two weeks ago.");
  const std::string ferry =
      page("Ferry timetable changes",
           "The ferry company will add two evening crossings to the island from April, its "
           "director told the council on Thursday, after a year of complaints from commuters.");
  const std::string cafe = page(
      "Caf\xE9 reopens",  // ISO-8859-1
      "The caf\xE9 on the quay reopened on Saturday with a new terrace, and the owner said the "
      "cr\xE8me br\xFBl\xE9"
      "e would stay on the menu whatever the price of eggs.");
  const std::string library =
      page("Library extends hours",
           "The town library will open on Sunday afternoons from next month, the librarian said, "
           "because students asked for a quiet place to work before their examinations.");
  const std::string market =
      page("Market moves to the square",
           "The Saturday market will move from the car park to the main square in May, the mayor "
           "announced, so that stall holders can stay dry under the arcades when it rains.");
  return {
      record("warcinfo", "0000", "Content-Type: application/warc-fields\r\n",
             "software: dateline tests\r\nformat: WARC File Format 1.1\r\n"),
      record("request", "0001",
             "WARC-Target-URI: https://herald.example/2026/03/06/harbour\r\n"
             "Content-Type: application/http; msgtype=request\r\n",
             "GET /2026/03/06/harbour HTTP/1.1\r\nHost: herald.example\r\n\r\n"),
      response("0002", "https://herald.example/2026/03/06/harbour",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8", harbour,
               "sha1:HARBOUR"),
      response("0003", "https://herald.example/cafe",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1", cafe),
      response("0004", "https://herald.example/logo.png",
               "HTTP/1.1 200 OK\r\nContent-Type: image/png", std::string("\x89PNG\r\n\x1a\n", 8)),
      response("0005", "https://herald.example/missing",
               "HTTP/1.1 404 Not Found\r\nContent-Type: text/html",
               "<html><body>Not here</body></html>"),
      record("metadata", "0006", "Content-Type: application/warc-fields\r\n",
             "fetchTimeMs: 12\r\n"),
      record("revisit", "0007", "WARC-Target-URI: https://herald.example/2026/03/06/harbour\r\n",
             ""),
      // The same page again, as a second fetch: read once.
      response("0008", "https://herald.example/2026/03/06/harbour?ref=rss",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8", harbour,
               "sha1:HARBOUR"),
      response("0009", "https://herald.example/ferry",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
               "Content-Encoding: gzip",
               chunked(gzip(ferry))),
      record("resource", "0010",
             "WARC-Target-URI: https://herald.example/library\r\nContent-Type: text/html\r\n",
             library),
      response("0011", "https://herald.example/market",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8", market),
  };
}

struct Read {
  std::vector<Document> docs;
  std::vector<Status> errors;
  std::vector<std::string> notes;
};

Read read_warc(const std::string& bytes, const std::string& name = "crawl.warc.gz") {
  Read r;
  ReaderOptions options;
  options.on_note = [&](const std::string& n) { r.notes.push_back(n); };
  read_buffer(
      bytes, name, options, [&](Document&& d) { r.docs.push_back(std::move(d)); },
      [&](const Status& s) { r.errors.push_back(s); });
  return r;
}

bool contains(const std::string& s, const std::string& piece) {
  return s.find(piece) != std::string::npos;
}

TEST(WarcReader, ReadsTheHtmlPagesOfACrawlAndCountsTheRest) {
  std::string file;
  for (const std::string& r : crawl_records()) file += gzip(r);  // one member per record
  Read r = read_warc(file);
  for (const Status& e : r.errors) ADD_FAILURE() << e.to_string();
  ASSERT_EQ(r.docs.size(), 5u);
  const Document& harbour = r.docs[0];
  EXPECT_EQ(harbour.meta.title, "Harbour talks resume");
  EXPECT_EQ(harbour.meta.url, "https://herald.example/2026/03/06/harbour");
  EXPECT_EQ(harbour.meta.crawled, "2026-03-06T10:15:00Z");
  EXPECT_EQ(harbour.meta.published, "2026-03-06");  // from the URL
  EXPECT_EQ(harbour.meta.id, "urn:uuid:0002");
  EXPECT_EQ(harbour.meta.path, "crawl.warc.gz:3");
  EXPECT_TRUE(contains(r.docs[1].text, "The caf\xC3\xA9 on the quay")) << r.docs[1].text;
  EXPECT_TRUE(contains(r.docs[1].text,
                       "cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
                       "e"));
  EXPECT_TRUE(contains(r.docs[2].text, "two evening crossings")) << r.docs[2].text;
  EXPECT_EQ(r.docs[3].meta.url, "https://herald.example/library");
  EXPECT_EQ(r.docs[4].meta.title, "Market moves to the square");
  ASSERT_EQ(r.notes.size(), 1u);
  const std::string& note = r.notes[0];
  EXPECT_TRUE(contains(note, "crawl.warc.gz: 12 WARC records, 5 HTML pages read")) << note;
  for (const char* piece : {"1 warcinfo", "1 request", "1 metadata", "1 revisit", "1 not HTML",
                            "1 HTTP status not 2xx", "1 duplicate payload"}) {
    EXPECT_TRUE(contains(note, piece)) << piece << " in " << note;
  }
}

TEST(WarcReader, ReadsPlainAndWholeFileCompression) {
  std::string plain;
  for (const std::string& r : crawl_records()) plain += r;
  for (const std::string& file : {plain, gzip(plain)}) {
    Read r = read_warc(file, "crawl.warc");
    EXPECT_TRUE(r.errors.empty());
    EXPECT_EQ(r.docs.size(), 5u);
  }
}

TEST(WarcReader, ReportsATruncatedRecordAndKeepsThePagesBeforeIt) {
  std::vector<std::string> records = crawl_records();
  std::string compressed, plain;
  for (size_t i = 0; i + 1 < records.size(); ++i) {
    compressed += gzip(records[i]);
    plain += records[i];
  }
  const std::string last = gzip(records.back());
  // Cut inside the last record's gzip member, and (uncompressed) inside its block.
  for (const std::string& cut : {compressed + last.substr(0, last.size() / 2),
                                 plain + records.back().substr(0, records.back().size() - 80)}) {
    Read r = read_warc(cut);
    EXPECT_EQ(r.docs.size(), 4u);
    ASSERT_EQ(r.errors.size(), 1u);
    const std::string msg = r.errors[0].to_string();
    EXPECT_TRUE(contains(msg, "crawl.warc.gz: record 12 (byte ")) << msg;
    EXPECT_TRUE(contains(msg, "cut short")) << msg;
    ASSERT_EQ(r.notes.size(), 1u);
    EXPECT_TRUE(contains(r.notes[0], "1 reported as errors")) << r.notes[0];
  }
}

TEST(WarcReader, StopsAtARecordItCannotRead) {
  std::vector<std::string> records = crawl_records();
  const std::string broken = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n";
  Read r = read_warc(gzip(records[2]) + gzip(broken) + gzip(records[11]));
  EXPECT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(contains(r.errors[0].to_string(), "record 2")) << r.errors[0].to_string();
  EXPECT_TRUE(contains(r.errors[0].to_string(), "no valid Content-Length"));
  r = read_warc("WARC/1.1\r\nnot a header line\r\n");
  EXPECT_TRUE(r.docs.empty());
  EXPECT_EQ(r.errors.size(), 1u);
  r = read_warc(gzip(records[2]) + "garbage after the members");
  EXPECT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(contains(r.errors[0].to_string(), "not gzip")) << r.errors[0].to_string();
}

TEST(WarcReader, IsFoundByExtensionAndContent) {
  EXPECT_TRUE(is_warc_path("a/CC-NEWS-20260306.warc.gz"));
  EXPECT_TRUE(is_warc_path("crawl.WARC"));
  EXPECT_FALSE(is_warc_path("warc.html"));
  EXPECT_TRUE(looks_like_warc("WARC/1.0\r\n"));
  EXPECT_TRUE(looks_like_warc(gzip(crawl_records()[0])));
  EXPECT_FALSE(looks_like_warc(gzip("<html><body>x</body></html>")));
  // A gzip file that is not a WARC file is named as such.
  Read r = read_warc(gzip("plain text"), "notes.txt.gz");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(contains(r.errors[0].to_string(), "notes.txt.gz: byte 0: gzip-compressed"));
}

}  // namespace
}  // namespace dateline::ingest
