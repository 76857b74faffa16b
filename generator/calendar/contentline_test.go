package calendar

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name string
		in   string
		want []string // physical lines without CRLF
	}{
		{"short", "VERSION:2.0", []string{"VERSION:2.0"}},
		{"ascii exactly 75", "X:" + a(73), []string{"X:" + a(73)}},
		{"ascii 76", "X:" + a(74), []string{"X:" + a(73), " a"}},
		{"ascii three lines", "X:" + a(73+74+10), []string{"X:" + a(73), " " + a(74), " " + a(10)}},
		{"hangul ends exactly at 75", "X:" + a(70) + "한", []string{"X:" + a(70) + "한"}},
		{"hangul straddles 75", "X:" + a(72) + "한국", []string{"X:" + a(72), " 한국"}},
		{"hangul straddles 75 by two", "X:" + a(71) + "한국", []string{"X:" + a(71), " 한국"}},
		{"hangul fills 75 then folds", "X:" + a(70) + "한국", []string{"X:" + a(70) + "한", " 국"}},
		{"emoji straddles 75", "X:" + a(71) + "😀b", []string{"X:" + a(71), " 😀b"}},
		{
			// 8 + 3×30 = 98 octets: 22 syllables (66 octets) fit after
			// "SUMMARY:" in 74 octets; the 23rd would need 77.
			"korean title",
			"SUMMARY:" + strings.Repeat("가", 30),
			[]string{"SUMMARY:" + strings.Repeat("가", 22), " " + strings.Repeat("가", 8)},
		},
		{
			// continuation lines hold 74 octets after the space: 24
			// syllables (72 octets), never 25 (75).
			"korean over three lines",
			"SUMMARY:" + strings.Repeat("가", 22+24+5),
			[]string{"SUMMARY:" + strings.Repeat("가", 22), " " + strings.Repeat("가", 24), " " + strings.Repeat("가", 5)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fold(tt.in)
			want := strings.Join(tt.want, "\r\n") + "\r\n"
			if got != want {
				t.Errorf("fold(%q) =\n%q\nwant\n%q", tt.in, got, want)
			}
			checkFolded(t, got)
			if un := unfold(got); un != tt.in+"\r\n" {
				t.Errorf("unfold(fold(%q)) = %q", tt.in, un)
			}
		})
	}
}

// checkFolded checks that every physical line of s ends in CRLF, holds at
// most 75 octets and is valid UTF-8 on its own.
func checkFolded(t *testing.T, s string) {
	t.Helper()
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("output does not end in CRLF: %q", s)
	}
	for i, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > maxLine {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
	}
}

// unfold undoes folding: every CRLF followed by one space is removed.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a,b", `a\,b`},
		{"a;b", `a\;b`},
		{`a\b`, `a\\b`},
		{"one\ntwo", `one\ntwo`},
		{"one\r\ntwo", `one\ntwo`},
		{"one\rtwo", `one\ntwo`},
		{"key: value", "key: value"}, // colons stay
		{"tab\there", "tab\there"},
		{"bell\x07gone", "bellgone"},
		{"정산, 지급; 완료", `정산\, 지급\; 완료`},
		{"bad \xff byte", "bad \uFFFD byte"},
		{`\,;` + "\n", `\\\,\;\n`},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextList(t *testing.T) {
	got := textList([]string{"release", "a,b", "x;y"})
	if want := `release,a\,b,x\;y`; got != want {
		t.Errorf("textList = %q, want %q", got, want)
	}
}
