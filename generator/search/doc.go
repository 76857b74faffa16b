// Package search builds the site's search index at build time: a tokenizer
// for Latin, Hangul and Chinese/Japanese text, and an index writer that
// splits the index into small shards so that the browser fetches only the
// shards of the words it looks for.
//
// The output under search/ is a set of ordinary files:
//
//	index.bin     the manifest: doc count, shard boundaries, query rules
//	t/N.bin       shard N: hints (the most common words a short prefix
//	              begins, see hints.go), then a sorted run of terms with
//	              their postings; a posting says where a title holds its
//	              term, for the script's phrase and proximity boosts
//	facets.bin    the documents of each facet value (kind, status, tag …)
//	d/N.json      document N's result data: title, URL, badges, text
//
// The .bin files are gzip-compressed by the writer (the script
// decompresses them with the browser's DecompressionStream), so their size
// on the wire does not depend on the host; the records are plain JSON,
// which hosts compress on the fly. The same input gives the same bytes.
//
// static/js/search.js mirrors the tokenizer for queries; the two must
// agree on folding (fold.go), word boundaries (token.go) and Korean
// endings, which the manifest carries so that they live in one place.
package search
