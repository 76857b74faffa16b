package content

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"almanac/generator/internal/slab"
	"almanac/generator/site"
)

// decoder turns a positioned tree into typed values, recording where each
// key path stands and collecting every problem it meets.
type decoder struct {
	file   string
	what   string // "story front matter", "almanac.toml", … for messages
	loc    *time.Location
	top    site.Pos // where the front matter opens: missing keys are reported here
	fields map[string]site.Pos
	diags  site.Diagnostics
	// gitDated is set when code repositories may give released_at: the
	// rule asking for it waits for history.Apply, which reports it.
	gitDated bool
	// arena holds the text values a page keeps, one room for all (see
	// reserve), in a block of slabs when the decoder has them; lists holds
	// its lists of text the same way.
	arena []byte
	lists []string
	slabs *slabs // never nil: noSlabs gives each page's room its own
}

// slabs are the blocks that the pages of one load keep their text and
// lists of text in (see package slab): the pages live and die together.
// A nil block (noSlabs has only those) allocates each value on its own.
type slabs struct {
	text  *slab.Text
	lists *slab.Of[string]
	// fields holds the pages' Fields, which a build lets go after its
	// history stage: blocks of their own.
	fields *site.FieldBlocks
	// The pages as decoded, which the linker copies (Link): blocks of
	// their own, let go with them once the site is linked.
	pages       *slab.Of[site.Page]
	stories     *slab.Of[site.Story]
	releases    *slab.Of[site.Release]
	postmortems *slab.Of[site.PostMortem]
}

// noSlabs is for a page decoded on its own, whose values are each an
// allocation of their own.
var noSlabs = &slabs{}

// newSlabs returns the blocks of one load.
func newSlabs() *slabs {
	return &slabs{
		text: &slab.Text{}, lists: &slab.Of[string]{}, fields: &site.FieldBlocks{},
		pages: &slab.Of[site.Page]{}, stories: &slab.Of[site.Story]{},
		releases: &slab.Of[site.Release]{}, postmortems: &slab.Of[site.PostMortem]{},
	}
}

// reserve makes room for every text value of a front matter tree in one
// place, which the values str returns then share: a page's front matter
// was some twenty strings of its own, each an object the collector marks
// on every cycle of a build (half of a 100,000-page site's live objects).
// The room is a part of a block of the load's slabs when the decoder has
// them, else an allocation of its own.
//
// Its lists of text (tags, acceptance criteria, services…) share one
// slice the same way: each list is a part of it, capped at its end, so
// that appending to one copies it rather than writing over the next.
func (d *decoder) reserve(root *node) {
	if n := textBytes(root); n > 0 {
		d.arena = d.slabs.text.Take(n)
	}
	if n := listItems(root); n > 0 {
		d.lists = d.slabs.lists.Take(n)
	}
}

// listItems is the number of items of every list in a tree.
func listItems(n *node) int {
	if n == nil {
		return 0
	}
	total := len(n.items)
	for _, e := range n.entries {
		total += listItems(e.val)
	}
	for _, it := range n.items {
		total += listItems(it)
	}
	return total
}

// takeList returns an empty list with room for n strings: a part of the
// page's lists when they have room (see reserve), else a new one.
func (d *decoder) takeList(n int) []string {
	l := len(d.lists)
	if cap(d.lists)-l < n {
		return make([]string, 0, n)
	}
	d.lists = d.lists[:l+n]
	return d.lists[l : l : l+n]
}

// textBytes is the length of every scalar's text in a tree.
func textBytes(n *node) int {
	if n == nil {
		return 0
	}
	total := 0
	if n.isScalar() {
		total += len(n.text)
	}
	for _, e := range n.entries {
		total += textBytes(e.val)
	}
	for _, it := range n.items {
		total += textBytes(it)
	}
	return total
}

// keep returns s, in the arena when it has room: nothing is ever written
// over what the arena holds, so the strings it returned stay as they are.
func (d *decoder) keep(s string) string {
	if s == "" || cap(d.arena)-len(d.arena) < len(s) {
		return s
	}
	start := len(d.arena)
	d.arena = append(d.arena, s...)
	return slab.String(d.arena[start:])
}

func newDecoder(file, what string, loc *time.Location, top site.Pos) *decoder {
	return &decoder{file: file, what: what, loc: loc, top: top, fields: map[string]site.Pos{}, slabs: noSlabs}
}

// field is a known key of a mapping and how to decode its value.
type field struct {
	name string
	set  setter
}

// setter decodes the value of one key, at its key path.
type setter func(n *node, path string)

// bind pairs the described keys with their setters, in the keys' order,
// so that the keys a mapping accepts are the ones its Spec describes.
// Every key needs a setter and every setter a key; a mismatch is a mistake
// in this package, which its tests catch, so it panics.
func bind(keys []Key, set map[string]setter) []field {
	if len(keys) != len(set) {
		panic(fmt.Sprintf("content: %d keys described, %d decoded", len(keys), len(set)))
	}
	fields := make([]field, len(keys))
	for i, k := range keys {
		f, ok := set[k.Name]
		if !ok {
			panic("content: no decoder for described key " + k.Name)
		}
		fields[i] = field{k.Name, f}
	}
	return fields
}

// merge returns the setters of a and b together.
func merge(a, b map[string]setter) map[string]setter {
	for k, v := range b {
		a[k] = v
	}
	return a
}

func (d *decoder) at(n *node) site.Pos { return site.Pos{File: d.file, Line: n.line, Col: n.col} }

func (d *decoder) errorf(n *node, hint, format string, args ...any) {
	d.diags.ErrorHint(d.at(n), hint, format, args...)
}

func (d *decoder) wrongType(n *node, path, want string) {
	hint := ""
	if strings.HasPrefix(want, "a list") && n.isScalar() {
		hint = "write a list, e.g. [a, b]"
	}
	d.errorf(n, hint, "%s: want %s, found %s", path, want, n.kind.describe())
}

// object decodes a mapping. Unknown keys are errors with a did-you-mean
// hint; null values count as absent. It returns the keys that were given.
func (d *decoder) object(n *node, path string, fields []field) map[string]bool {
	if n.kind != mapNode {
		d.wrongType(n, nonEmpty(path, "front matter"), "a mapping of keys")
		return nil
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	given := map[string]bool{}
	seen := map[string]bool{}
	for _, e := range n.entries {
		kp := joinPath(path, e.key)
		keyPos := site.Pos{File: d.file, Line: e.line, Col: e.col}
		if seen[e.key] {
			d.diags.Errorf(keyPos, "duplicate key %q", kp)
			continue
		}
		seen[e.key] = true
		i := slices.Index(names, e.key)
		if i < 0 {
			d.diags.ErrorHint(keyPos, suggest(e.key, names), "unknown key %q in %s", kp, d.what)
			continue
		}
		d.fields[kp] = d.at(e.val)
		if e.val.kind == nullNode {
			continue
		}
		given[e.key] = true
		fields[i].set(e.val, kp)
	}
	return given
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// require reports each name that is not among the given keys.
func (d *decoder) require(given map[string]bool, names ...string) {
	for _, name := range names {
		if !given[name] {
			d.diags.Errorf(d.top, "missing required key %q in %s", name, d.what)
		}
	}
}

// str reads any scalar as text.
func (d *decoder) str(n *node, path string) string {
	if !n.isScalar() {
		if n.kind != nullNode {
			d.wrongType(n, path, "text")
		}
		return ""
	}
	return d.keep(strings.TrimSpace(n.text))
}

// strList reads a list of scalars.
func (d *decoder) strList(n *node, path string) []string {
	if n.kind != listNode {
		d.wrongType(n, path, "a list of text")
		return nil
	}
	out := d.takeList(len(n.items))
	for i, item := range n.items {
		ip := indexPath(path, i)
		d.fields[ip] = d.at(item)
		if s := d.str(item, ip); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// list calls fn for each item of a list, recording its position.
func (d *decoder) list(n *node, path string, fn func(item *node, path string)) {
	if n.kind != listNode {
		d.wrongType(n, path, "a list")
		return
	}
	for i, item := range n.items {
		ip := indexPath(path, i)
		d.fields[ip] = d.at(item)
		fn(item, ip)
	}
}

// enum reads text that must be one of allowed.
func (d *decoder) enum(n *node, path string, allowed []string) string {
	s := d.str(n, path)
	if s == "" || slices.Contains(allowed, s) {
		return s
	}
	d.errorf(n, suggest(s, allowed), "%s: %q is not one of: %s", path, s, strings.Join(allowed, ", "))
	return ""
}

// date reads YYYY-MM-DD as midnight in the site's zone.
func (d *decoder) date(n *node, path string) time.Time {
	s := d.str(n, path)
	if s == "" {
		return time.Time{}
	}
	t, err := parseDate(s, d.loc)
	if err != nil {
		d.errorf(n, "write dates as YYYY-MM-DD, e.g. 2026-07-14", "%s: %q is not a date", path, s)
	}
	return t
}

// datetime reads an RFC 3339 datetime with an offset.
func (d *decoder) datetime(n *node, path string) time.Time {
	s := d.str(n, path)
	if s == "" {
		return time.Time{}
	}
	t, msg, hint := parseDatetime(s, d.loc)
	if msg != "" {
		d.errorf(n, hint, "%s: %s", path, msg)
	}
	return t
}

// looseDate reads the date spellings of other generators (plain pages).
func (d *decoder) looseDate(n *node, path string) time.Time {
	s := d.str(n, path)
	if s == "" {
		return time.Time{}
	}
	t, err := parseLooseDate(s, d.loc)
	if err != nil {
		d.errorf(n, "write e.g. 2026-07-14 or 2026-07-14T09:12:00+09:00", "%s: %q is not a date", path, s)
	}
	return t
}

// number reads an integer or a decimal number.
func (d *decoder) number(n *node, path string) (float64, bool) {
	if n.kind != intNode && n.kind != floatNode {
		d.wrongType(n, path, "a number")
		return 0, false
	}
	if math.IsNaN(n.num) || math.IsInf(n.num, 0) {
		d.errorf(n, "", "%s: want a finite number, found %s", path, n.text)
		return 0, false
	}
	return n.num, true
}

// integer reads a whole number.
func (d *decoder) integer(n *node, path string) (int, bool) {
	f, ok := d.number(n, path)
	if !ok {
		return 0, false
	}
	if f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
		d.errorf(n, "", "%s: want a whole number, found %s", path, n.text)
		return 0, false
	}
	return int(f), true
}

// boolean reads true or false.
func (d *decoder) boolean(n *node, path string) bool {
	if n.kind != boolNode {
		d.wrongType(n, path, "true or false")
		return false
	}
	return n.truth
}

// id reads a story or post-mortem id such as STORY-101.
func (d *decoder) id(n *node, path string) string {
	s := d.str(n, path)
	if s != "" && !idRE.MatchString(s) {
		hint := "ids are capitals, digits and hyphens, e.g. STORY-101 or PM-2026-003"
		if up := strings.ToUpper(s); idRE.MatchString(up) {
			hint = fmt.Sprintf("write it in capitals: %s", up)
		}
		d.errorf(n, hint, "%s: %q is not a valid id", path, s)
	}
	return s
}

// requireIn reports keys missing from a nested mapping at n. A nil given
// means the value was not a mapping, which was reported already.
func (d *decoder) requireIn(n *node, path string, given map[string]bool, names ...string) {
	for _, name := range names {
		if given != nil && !given[name] {
			d.errorf(n, "", "%s: missing required key %q", path, name)
		}
	}
}
