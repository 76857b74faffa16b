package build

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"

	"almanac/generator/render"
	"almanac/generator/site"
)

// The search index a warm build keeps in the cache folder beside the
// pages' records, so that it indexes again only the pages whose search
// document changed (see render.SearchState).

// searchStateName is the kept search index's file in the cache folder.
const searchStateName = "search.state"

// maxKeptSearch is the most pages a site may have for its search index to
// be kept between builds. Read back, the index takes some 4 KB of memory
// a page (400 MB at 100,000 pages, where a warm build peaked at 1.7 GB
// with it and under 1 GB without); above this a warm build indexes every
// page again, as it did before the index was kept.
var maxKeptSearch = 30_000 // a variable for the tests

var errTooLarge = errors.New("too many pages to keep the search index")

// searchState reads the search index the last build kept, for a build
// that makes the index of pages pages. Its key is this program (the
// tokenizer's words are the program's) and the lists' digest: when that
// changed (a layout or option edit; with layouts of the site's own, a
// front matter edit too), every page or every list is made again, and
// the index read back beside them took a 10,000-page build from 261 to
// 372 MiB, for 2.7 s of processor time; such a build indexes every page,
// as a cold one does, and keeps its index for the next.
func (u *reuser) searchState(pages int) (*render.SearchState, error) {
	path := filepath.Join(u.dir, searchStateName)
	if pages > maxKeptSearch {
		os.Remove(path) // kept when the site was smaller: hundreds of MB
		return nil, errTooLarge
	}
	exe, err := executableDigest()
	if err != nil {
		return nil, err
	}
	key := sha256.Sum256(append(append([]byte(reuseVersion+" search\x00"), exe[:]...), u.digests.lists[:]...))
	u.search = render.ReadSearchState(path, key, u.fullPlain)
	return u.search, nil
}

// fullPlain reads back the whole text of a page taken from the last
// build, for the search index.
func (u *reuser) fullPlain(p *site.Page) (string, error) {
	e, ok := u.old[p.Source]
	if !ok || u.oldData == nil {
		return "", errBadRecord
	}
	raw := make([]byte, e.Len)
	if _, err := u.oldData.ReadAt(raw, e.Off); err != nil {
		return "", err
	}
	rec, err := decodeRecord(raw, true)
	if err != nil {
		return "", err
	}
	return rec.Rendered.Plain, nil
}
