package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// voice writes the prose of one page: its language, its random source and
// the names the page is about, so that a page keeps returning to the same
// service and release the way a real write-up does.
type voice struct {
	r      *rand.Rand
	book   *phrasebook
	ko     bool
	formal bool // Korean only: 합니다 style instead of 한다 style

	svc  string // the service the page is about
	dep  string // a service it depends on
	ver  string // the release the page is about
	obj  string // the thing a story is about, in the page's language
	link string // filled by the body writer before a {link} template
	// pinned makes {svc} and {ver} always name the page's own service and
	// release, as front matter fields must; prose wanders more.
	pinned bool

	versions []string // deployed versions to mention
	stories  []string // story ids to mention
}

func newVoice(r *rand.Rand, korean bool, p *plan) *voice {
	v := &voice{r: r, book: &bookEN, ko: korean, versions: p.deployed, stories: p.storyIDs}
	if korean {
		v.book = &bookKO
		v.formal = r.IntN(2) == 0
	}
	v.svc = pick(r, services)
	v.dep = pick(r, services)
	if v.dep == v.svc {
		v.dep = services[(indexOf(services, v.svc)+1)%len(services)]
	}
	v.ver = v.anyVersion()
	obj := pick(r, storyObjects)
	v.obj = obj.en
	if korean {
		v.obj = obj.ko
	}
	return v
}

func (v *voice) anyVersion() string {
	if len(v.versions) == 0 {
		return "1.0.0"
	}
	return pick(v.r, v.versions)
}

// sentence expands one template of list into a finished sentence.
func (v *voice) sentence(list []string) string {
	return v.expand(pick(v.r, list))
}

// phrases expands n different templates of list, in list order.
func (v *voice) phrases(list []string, n int) []string {
	tpls := distinct(v.r, list, n)
	for i, t := range tpls {
		tpls[i] = v.expand(t)
	}
	return tpls
}

// expand fills the {key} and {key:particle} slots of tpl. English results
// start with a capital letter; Korean ones take the page's speech level.
func (v *voice) expand(tpl string) string {
	var sb strings.Builder
	sb.Grow(len(tpl) + 32)
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			sb.WriteString(tpl)
			break
		}
		sb.WriteString(tpl[:i])
		tpl = tpl[i+1:]
		j := strings.IndexByte(tpl, '}')
		key, particle := tpl[:j], ""
		tpl = tpl[j+1:]
		if k := strings.IndexByte(key, ':'); k >= 0 {
			key, particle = key[:k], key[k+1:]
		}
		val := v.value(key)
		sb.WriteString(val)
		if particle != "" {
			sb.WriteString(attach(val, particle))
		}
	}
	s := sb.String()
	if v.ko {
		if v.formal {
			s = formalEnding(s)
		}
		return s
	}
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func (v *voice) value(key string) string {
	r, b := v.r, v.book
	switch key {
	case "svc":
		if v.pinned || r.IntN(10) < 7 {
			return v.svc
		}
		return pick(r, services)
	case "dep":
		return v.dep
	case "ver":
		if v.pinned || r.IntN(10) < 6 {
			return v.ver
		}
		return v.anyVersion()
	case "story":
		if len(v.stories) == 0 {
			return "STORY-1"
		}
		return pick(r, v.stories)
	case "obj":
		return v.obj
	case "link":
		return v.link
	case "metric":
		return pick(r, b.metrics)
	case "comp":
		return pick(r, b.comps)
	case "env":
		return pick(r, b.envs)
	case "role":
		return pick(r, b.roles)
	case "day":
		return pick(r, b.days)
	case "tool":
		return pick(r, tools)
	case "person":
		return pick(r, people)
	case "team":
		return pick(r, teams)
	case "cust":
		return pick(r, customers)
	case "n":
		return strconv.Itoa(2 + r.IntN(47))
	case "pct":
		return strconv.Itoa(2 + r.IntN(94))
	case "ms":
		return strconv.Itoa(40 + 20*r.IntN(120))
	case "qty":
		return b.qty(1 + r.IntN(90))
	case "dur":
		return b.durations[r.IntN(len(b.durations))](r)
	case "time":
		return b.clock(r.IntN(24), r.IntN(60))
	}
	return key
}

// attach returns the form of a Korean particle that fits the word before
// it: 이/가, 을/를, 은/는, 과/와, 이었/였 and 으로/로 alternate on whether the word
// ends in a consonant; any other particle is written as given.
func attach(word, particle string) string {
	var withFinal, without string
	switch particle {
	case "이", "가":
		withFinal, without = "이", "가"
	case "을", "를":
		withFinal, without = "을", "를"
	case "은", "는":
		withFinal, without = "은", "는"
	case "과", "와":
		withFinal, without = "과", "와"
	case "이었", "였":
		withFinal, without = "이었", "였"
	case "으로", "로":
		final, rieul := finalConsonant(word)
		if final && !rieul {
			return "으로"
		}
		return "로"
	default:
		return particle
	}
	if final, _ := finalConsonant(word); final {
		return withFinal
	}
	return without
}

// finalConsonant reports whether word, read aloud in Korean, ends in a
// consonant, and whether that consonant is ㄹ. Digits and Latin letters
// are judged by how they are read (일, 삼, 엘, 엠, 강 …).
func finalConsonant(word string) (final, rieul bool) {
	r, _ := utf8.DecodeLastRuneInString(word)
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		jong := (r - 0xAC00) % 28
		return jong != 0, jong == 8
	case r >= '0' && r <= '9':
		return strings.ContainsRune("013678", r), strings.ContainsRune("178", r)
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		c := r | 0x20
		if c == 'g' && strings.HasSuffix(strings.ToLower(word), "ng") {
			return true, false // Jung, Kang: 정, 강
		}
		return strings.ContainsRune("lmn", c), c == 'l'
	}
	return false, false
}

// formalEnding turns the plain 한다 style into the polite 합니다 style at
// every sentence end: 했다 → 했습니다, 한다 → 합니다, 이다 → 입니다.
func formalEnding(s string) string {
	if !strings.Contains(s, "다.") {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 16)
	for {
		i := strings.Index(s, "다.")
		if i < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		prev, size := utf8.DecodeLastRuneInString(s[:i])
		if prev < 0xAC00 || prev > 0xD7A3 {
			sb.WriteString(s[:i+len("다.")])
			s = s[i+len("다."):]
			continue
		}
		sb.WriteString(s[:i-size])
		jong := (prev - 0xAC00) % 28
		switch {
		case prev == '는': // 않는다 → 않습니다
			sb.WriteString("습니다.")
		case jong == 0: // 하다 → 합니다
			sb.WriteRune(prev + 17)
			sb.WriteString("니다.")
		case jong == 4: // 한다 → 합니다
			sb.WriteRune(prev - 4 + 17)
			sb.WriteString("니다.")
		default: // 했다 → 했습니다
			sb.WriteRune(prev)
			sb.WriteString("습니다.")
		}
		s = s[i+len("다."):]
	}
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
