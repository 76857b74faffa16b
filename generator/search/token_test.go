package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestTokens(t *testing.T) {
	tok := NewTokenizer()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"english", "Released the fix to production, twice.", []string{"released", "fix", "production", "twice"}},
		{"stop words and single letters", "a fix is in, e.g. now", []string{"fix", "now"}},
		{"case", "ROLLBACK Rollback rollback", []string{"rollback", "rollback", "rollback"}},
		{"accents", "Tomás Rivera CAFÉ naïve Ærø Łódź Straße", []string{"tomas", "rivera", "cafe", "naive", "æro", "lodz", "straße"}},
		{"decomposed accents", "Cafe\u0301 Jose\u0301", []string{"cafe", "jose"}},
		{"vietnamese", "Việt Nam", []string{"viet", "nam"}},
		{"greek final sigma", "ΟΔΟΣ", []string{"οδοσ"}},
		{"story id", "See STORY-142.", []string{"see", "story-142", "story", "142"}},
		{"post-mortem id", "PM-2026-003", []string{"pm-2026-003", "pm", "2026", "003"}},
		{"version", "shipped in 1.4.0.", []string{"shipped", "1.4.0"}},
		{"version with v", "v1.4.0", []string{"v1.4.0", "1.4.0", "v1"}},
		{"pre-release", "2.0.0-rc.1", []string{"2.0.0-rc.1", "rc"}},
		{"hyphenated words", "payout-scheduler's pending_verification", []string{"payout", "scheduler", "pending", "verification"}},
		{"date", "on 2026-07-14", []string{"2026-07-14", "2026"}},
		{"korean particle", "배포를", []string{"배포를", "배포"}},
		{"korean past tense", "배포했다", []string{"배포했다", "배포"}},
		{"korean passive", "배포되었으나", []string{"배포되었으나", "배포"}},
		{"korean polite", "적용되었습니다", []string{"적용되었습니다", "적용"}},
		{"korean object", "정산을 받고", []string{"정산을", "정산", "받고"}},
		{"korean short words keep their end", "회의 평가 정의", []string{"회의", "평가", "정의"}},
		{"korean subject on a long word", "데이터가", []string{"데이터가", "데이터", "데이", "이터"}},
		{"korean compound without spaces", "정산계좌를 변경", []string{"정산계좌를", "정산계좌", "정산", "산계", "계좌", "변경"}},
		{"korean compound as written", "가맹점정산", []string{"가맹점정산", "가맹", "맹점", "점정", "정산"}},
		{"particle after latin", "API를 CSV로 1.4.0에서", []string{"api", "csv", "1.4.0"}},
		{"hangul then latin", "정산API", []string{"정산", "api"}},
		{"chinese bigrams", "部署失败", []string{"部署", "署失", "失败"}},
		{"chinese single", "门 开", []string{"门", "开"}},
		{"japanese", "デプロイ失敗", []string{"デプ", "プロ", "ロイ", "イ失", "失敗"}},
		{"mixed scripts", "rollback 롤백 回滚", []string{"rollback", "롤백", "回滚"}},
		{"too long", strings.Repeat("ab", 20) + " ok", []string{"ok"}},
		{"punctuation only", "— … !?", nil},
	}
	for _, tc := range tests {
		got := tok.Tokens(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: Tokens(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ÀÉÎÕÜ", "aeiou"},
		{"Ǣ ǽ Ǯ", "æ æ ʒ"},
		{"Ø ø Đ ł ı ſ", "o o d l i s"},
		{"ẞ", "ß"},
		{"Ị ự ỳ", "i u y"},
		{"İstanbul", "istanbul"},
		{"ÅNGSTRÖM", "angstrom"},
		{"e\u0301", "e"},
		{"한국어 中文", "한국어 中文"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStem(t *testing.T) {
	tok := NewTokenizer()
	tests := []struct{ in, want string }{
		{"배포를", "배포"},
		{"배포", "배포"},
		{"정산은", "정산"},
		{"가맹점에서는", "가맹점"},
		{"확인", "확인"}, // 인 is an ending, but not of a two-syllable word
		{"시스템인", "시스템"},
		{"이", "이"},
	}
	for _, tc := range tests {
		if got := string(tok.stem([]byte(tc.in))); got != tc.want {
			t.Errorf("stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCompareTerms(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a", "b", -1},
		{"ab", "a", 1},
		{"", "a", -1},
		{"abc", "abc", 0},
		{"배포", "배포를", -1},
		{"𠀀", "\uFF61", -1}, // above U+FFFF sorts before U+E000–U+FFFF, as in JavaScript
		{"\uD7A3", "𠀀", -1},
	}
	for _, tc := range tests {
		if got := compareTerms(tc.a, tc.b); got != tc.want {
			t.Errorf("compareTerms(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := compareTerms([]byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("compareTerms([]byte(%q), []byte(%q)) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// compareTerms agrees with comparing the strings' UTF-16 code units, as
// JavaScript does, on random strings from every range where the orders
// could part.
func TestCompareTermsUTF16(t *testing.T) {
	ranges := [][2]rune{{'a', 'c'}, {0xAC00, 0xAC02}, {0xD7FF, 0xD7FF}, {0xE000, 0xE001}, {0xFFFD, 0xFFFD}, {0x10000, 0x10001}, {0x20000, 0x20001}}
	r := rand.New(rand.NewPCG(5, 6))
	word := func() string {
		var rs []rune
		for range r.IntN(4) {
			g := ranges[r.IntN(len(ranges))]
			rs = append(rs, g[0]+rune(r.IntN(int(g[1]-g[0])+1)))
		}
		return string(rs)
	}
	for range 20000 {
		a, b := word(), word()
		want := slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
		if got := compareTerms(a, b); got != want {
			t.Fatalf("compareTerms(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

func TestSeparator(t *testing.T) {
	tests := []struct{ prev, next, want string }{
		{"", "apple", ""},
		{"apple", "banana", "b"},
		{"rollback", "rollout", "rollo"},
		{"배포", "배포를", "배포를"},
		{"배치", "배포", "배포"},
	}
	for _, tc := range tests {
		if got := separator(tc.prev, tc.next); got != tc.want {
			t.Errorf("separator(%q, %q) = %q, want %q", tc.prev, tc.next, got, tc.want)
		}
	}
}
