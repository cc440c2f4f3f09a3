// SPDX-License-Identifier: Apache-2.0
#pragma once
// WARC files (ISO 28500; WARC/1.0 and 1.1), as web crawls store what they fetched: Common
// Crawl's CC-NEWS and the like. A file is read as a stream, plain or gzip-compressed (one
// gzip member per record, as Common Crawl writes them, or the whole file as one), so its
// size does not matter; each record is read in turn:
//  - `response` records with an HTTP message whose Content-Type is HTML (or, without one,
//    whose body looks like HTML), HTTP status 2xx, and `resource` records of HTML: the page
//    is read by read_html() with the HTTP charset, chunked transfer coding and gzip/deflate
//    content coding undone; url = WARC-Target-URI, crawled = WARC-Date, id = WARC-Record-ID;
//  - every other record (warcinfo, request, metadata, revisit, conversion; responses that are
//    not HTML, not 2xx, or repeat a payload already read) is skipped and counted;
//  - a record cut short by the end of the file or a broken gzip member, or one whose header
//    cannot be read, is an error naming the file, the record and its byte offset; reading
//    stops there (nothing after a broken record can be trusted), the pages before it stay.
// One note per file gives the counts.

#include <string>
#include <string_view>

#include "dateline/reader.h"

namespace dateline::ingest {

/// True when `path` names a WARC file by its extension (.warc, .warc.gz).
bool is_warc_path(std::string_view path);

/// True when `head` (the first bytes of an input) is a WARC record, plain or gzip-compressed.
bool looks_like_warc(std::string_view head);

/// Reads the WARC file at `path` as a stream (see the design note).
void read_warc_file(const std::string& path, const ReaderOptions& options,
                    const ArticleSink& on_article, const ErrorSink& on_error);

/// Reads a WARC file held in memory; `path` names it in messages.
void read_warc_bytes(std::string_view bytes, const std::string& path, const ReaderOptions& options,
                     const ArticleSink& on_article, const ErrorSink& on_error);

}  // namespace dateline::ingest
