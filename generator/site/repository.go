package site

// Repository is one code repository of [[repositories]] in almanac.toml,
// whose history dates stories and releases where front matter leaves the
// dates out.
type Repository struct {
	// Path is the local clone, as written: relative to the site's folder,
	// or absolute.
	Path string
	// Branch is what counts as merged; empty means the commit HEAD is on.
	Branch string
	// Tags are the spellings of a release's tag, each with {version} in
	// it, tried in order: v{version}, then {version}, unless given.
	Tags []string
	// Pos is where Path is written in almanac.toml, for warnings about
	// the repository.
	Pos Pos
}

// DefaultTagPatterns are the tag spellings tried when a repository gives
// none.
var DefaultTagPatterns = []string{"v{version}", "{version}"}

// Source says where a timestamp that front matter left out was read: a
// commit (or tag) of one of the repositories. A nil *Source means the
// value, if any, is the front matter's.
type Source struct {
	// Repository is the repository's name: the last element of its path.
	Repository string
	// Commit is the commit's abbreviated hash: the commit named for a
	// first commit, the commit through which the story reached the branch
	// for a merge, the commit a release's tag points at.
	Commit string
	// Tag is the tag a release's date comes from; empty for stories.
	Tag string
}

// String is how a page shows the source: "settlement-api 3f2a1c9".
func (s *Source) String() string {
	if s == nil {
		return ""
	}
	if s.Tag != "" {
		return s.Repository + " " + s.Tag + " " + s.Commit
	}
	return s.Repository + " " + s.Commit
}
