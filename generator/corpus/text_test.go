package corpus

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one two  three\n", 3},
		{"## Heading here\n\n- item one\n1. step\n", 6},
		{"| --- | ---: |\n| a | 12 ms |", 3},
		{"- [x] done it", 3}, // the checked box counts, in both counters
		{"배포를 진행했다. 장애가 발생했습니다.", 4},
		{"see [release 1.2.3](../releases/1.2.3.md).", 3},
		{"a\u00a0b — c", 3}, // a no-break space separates; a lone dash is no word
	}
	for _, tt := range tests {
		if got := countWords(tt.in); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
		if got := words(tt.in); got != tt.want {
			t.Errorf("words(%q) = %d, want %d (the test's own counter)", tt.in, got, tt.want)
		}
	}
}

func TestAttach(t *testing.T) {
	tests := []struct{ word, particle, want string }{
		{"배포", "을", "를"},
		{"장애", "이", "가"},
		{"알림", "을", "을"},
		{"서비스", "은", "는"},
		{"런북", "과", "과"},
		{"스테이징", "으로", "으로"},
		{"레일", "으로", "로"}, // ㄹ takes 로
		{"카나리 풀", "으로", "로"},
		{"27000건", "이었", "이었"},
		{"checkout-api", "가", "가"},
		{"Minji Kim", "이", "이"},
		{"Jiwoo Park", "이", "가"},
		{"Doyun Jung", "와", "과"},
		{"1.10.0", "을", "을"}, // 영
		{"1.2.2", "을", "를"},  // 이
		{"운영 환경", "에서", "에서"},
	}
	for _, tt := range tests {
		if got := attach(tt.word, tt.particle); got != tt.want {
			t.Errorf("attach(%q, %q) = %q, want %q", tt.word, tt.particle, got, tt.want)
		}
	}
}

func TestFormalEnding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"배포를 진행했다.", "배포를 진행했습니다."},
		{"장애가 발생했다.", "장애가 발생했습니다."},
		{"롤백한다.", "롤백합니다."},
		{"진짜 문제이다.", "진짜 문제입니다."},
		{"확인해야 한다. 기다린다.", "확인해야 합니다. 기다립니다."},
		{"하지 않는다.", "하지 않습니다."},
		{"런북이 필요하다.", "런북이 필요합니다."},
		{"있다.", "있습니다."},
		{"끝", "끝"},
	}
	for _, tt := range tests {
		if got := formalEnding(tt.in); got != tt.want {
			t.Errorf("formalEnding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestYAMLString(t *testing.T) {
	tests := []struct {
		in     string
		quoted bool
	}{
		{"Export the deploy history", false},
		{"배포 이력 내보내기", false},
		{"1.10.0", true},
		{"1.10.0: quieter alerts", true},
		{"%", true},
		{"yes", true},
		{"Null", true},
		{"- a list?", true},
		{"key: value", true},
		{"ends with colon:", true},
		{"has # comment", true},
		{`say "hi" \ now`, true},
		{"P0", false},
		{"STORY-12", false},
		{"", true},
	}
	for _, tt := range tests {
		got := yamlString(tt.in)
		if quoted := strings.HasPrefix(got, `"`); quoted != tt.quoted {
			t.Errorf("yamlString(%q) = %s, quoted %v, want %v", tt.in, got, quoted, tt.quoted)
		}
		var back map[string]string
		if err := yaml.Unmarshal([]byte("k: "+got+"\n"), &back); err != nil || back["k"] != tt.in {
			t.Errorf("yamlString(%q) = %s reads back as %q (%v)", tt.in, got, back["k"], err)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct {
		in    string
		words int
		want  string
	}{
		{"Export the deploy history as CSV", 10, "export-the-deploy-history-as-csv"},
		{"Elevated 5xx errors checkout-api", 3, "elevated-5xx-errors"},
		{"Runbook: restart ledger safely", 10, "runbook-restart-ledger-safely"},
		{"  --Odd   spacing-- ", 10, "odd-spacing"},
	}
	for _, tt := range tests {
		if got := slugify(tt.in, tt.words); got != tt.want {
			t.Errorf("slugify(%q, %d) = %q, want %q", tt.in, tt.words, got, tt.want)
		}
	}
}
