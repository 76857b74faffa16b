package markdown

import (
	"reflect"

	"github.com/alecthomas/chroma/v2"
)

// Some rules lex a group of their match again: with another lexer
// (Using: a Dockerfile's shell commands), with the lexer's own rules from
// a state (UsingSelf), or group by group (ByGroups holding either).
// Chroma runs those with its own loop; a ruleRun runs them with rule
// lexers, as it runs the block.

// route is what an emitter that lexes text again does, for a run to do
// it with a ruleLexer instead of chroma's own loop: Using (lexer), a
// lexer's own rules from a state (UsingSelf: self, state), or ByGroups
// whose emitters include one of those (groups).
type route struct {
	lexer  string
	self   bool
	state  string
	groups []chroma.Emitter
}

// addRoute notes e, and the emitters inside it, when it lexes text again;
// it reports whether it does.
func (l *ruleLexer) addRoute(e chroma.Emitter) bool {
	k, ok := e.(chroma.SerialisableEmitter)
	if !ok {
		return false
	}
	if _, seen := l.routes[e]; seen {
		return true
	}
	// The emitters' types are chroma's own; their fields are exported.
	field := func(name string) reflect.Value {
		v := reflect.ValueOf(e)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return reflect.Value{}
		}
		return v.Elem().FieldByName(name)
	}
	var rt route
	switch k.EmitterKind() {
	case "using":
		f := field("Lexer")
		if f.Kind() != reflect.String {
			return false
		}
		rt.lexer = f.String()
	case "usingself":
		f := field("State")
		if f.Kind() != reflect.String {
			return false
		}
		rt.self, rt.state = true, f.String()
	case "bygroups":
		f := field("Emitters")
		if !f.IsValid() || !f.CanInterface() {
			return false
		}
		groups, ok := f.Interface().(chroma.Emitters)
		if !ok {
			return false
		}
		again := false
		for _, g := range groups {
			if g != nil && l.addRoute(g) {
				again = true
			}
		}
		if !again {
			return false
		}
		rt.groups = groups
	default:
		return false
	}
	if l.routes == nil {
		l.routes = map[chroma.Emitter]route{}
	}
	l.routes[e] = rt
	return true
}

// emit is e.Emit(groups, the run's state), except that where chroma
// would lex a group again with its own loop (Using, UsingSelf, ByGroups
// with one of them) a run of a ruleLexer does it: the same tokens, with
// the first characters and this run's limit on a match's time, where
// chroma's loop allows 250 ms of the wall clock (see ruleTimeout).
func (r *ruleRun) emit(e chroma.Emitter, groups []string) chroma.Iterator {
	rt, ok := r.l.routes[e]
	if !ok {
		return e.Emit(groups, &r.st)
	}
	switch {
	case rt.self:
		return r.l.run(groups[0], rt.state, r.top).next
	case rt.groups == nil:
		var sub *ruleLexer
		if r.l.lexers != nil {
			sub = r.l.lexers.get(rt.lexer)
		}
		if sub == nil {
			return e.Emit(groups, &r.st)
		}
		return sub.run(groups[0], "root", r.top).next
	}
	// ByGroups, as chroma's byGroupsEmitter.
	its := make([]chroma.Iterator, 0, len(groups)-1)
	if len(rt.groups) != len(groups)-1 {
		its = append(its, chroma.Error.Emit(groups, &r.st))
	} else {
		for i, g := range groups[1:] {
			if rt.groups[i] != nil {
				its = append(its, r.emit(rt.groups[i], []string{g}))
			}
		}
	}
	return chroma.Concaterator(its...)
}
