package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// snippet is one fenced code block: its info string and its lines, each
// ending in a newline.
type snippet struct{ lang, code string }

var codeLangs = []string{"go", "yaml", "bash", "sql", "json", "python", "typescript", "dockerfile"}

// codeWriters produce plausible code of 5 to 40 lines in one language,
// about a service. The index matches codeLangs.
var codeWriters = []func(r *rand.Rand, svc string) []string{
	goCode, yamlCode, bashCode, sqlCode, jsonCode, pythonCode, typescriptCode, dockerfileCode,
}

// newSnippet writes a block about svc; a non-empty ref (a story id) is
// named in a comment at the top, as teams note why code exists.
func newSnippet(r *rand.Rand, svc, ref string) snippet {
	i := r.IntN(len(codeLangs))
	lines := codeWriters[i](r, svc)
	if ref != "" {
		lines = withComment(codeLangs[i], lines, "See "+ref+".")
	}
	if len(lines) > 40 {
		lines = lines[:40]
	}
	return snippet{lang: codeLangs[i], code: strings.Join(lines, "\n") + "\n"}
}

// withComment puts a comment line at the top of lines, after a shebang;
// JSON, having no comments, stays as it is.
func withComment(lang string, lines []string, text string) []string {
	prefix := "# "
	switch lang {
	case "json":
		return lines
	case "go", "typescript":
		prefix = "// "
	case "sql":
		prefix = "-- "
	}
	at := 0
	if strings.HasPrefix(lines[0], "#!") {
		at = 1
	}
	return slices.Insert(lines, at, prefix+text)
}

// sharedSnippets are the blocks teams paste into many pages: the same
// rollback command, the same alert rule.
func sharedSnippets(r *rand.Rand, n int) []snippet {
	out := make([]snippet, n)
	for i := range out {
		out[i] = newSnippet(r, pick(r, services), "")
	}
	return out
}

var codeNouns = []string{"deploy", "release", "payment", "settlement", "webhook", "session", "invoice", "refund", "payout", "alert", "ledger", "export"}

// camel turns "checkout-api" into "checkoutApi", or "CheckoutApi" when
// upper is set.
func camel(s string, upper bool) string {
	var sb strings.Builder
	next := upper
	for _, c := range s {
		if c == '-' || c == '_' || c == ' ' {
			next = true
			continue
		}
		if next && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		next = false
		sb.WriteRune(c)
	}
	return sb.String()
}

func snake(s string) string { return strings.ReplaceAll(s, "-", "_") }

func goCode(r *rand.Rand, svc string) []string {
	noun := pick(r, codeNouns)
	switch r.IntN(3) {
	case 0:
		return []string{
			fmt.Sprintf("// retry%s calls fn until it succeeds, backing off between attempts.", camel(noun, true)),
			fmt.Sprintf("func retry%s(ctx context.Context, attempts int, fn func(context.Context) error) error {", camel(noun, true)),
			fmt.Sprintf("\tbackoff := %d * time.Millisecond", 25*(1+r.IntN(40))),
			"\tvar err error",
			"\tfor i := 0; i < attempts; i++ {",
			"\t\tif err = fn(ctx); err == nil {",
			"\t\t\treturn nil",
			"\t\t}",
			"\t\tselect {",
			"\t\tcase <-ctx.Done():",
			"\t\t\treturn ctx.Err()",
			"\t\tcase <-time.After(backoff):",
			"\t\t}",
			"\t\tbackoff *= 2",
			"\t}",
			fmt.Sprintf("\treturn fmt.Errorf(%q, attempts, err)", svc+": %d attempts: %w"),
			"}",
		}
	case 1:
		fields := distinct(r, []string{"Endpoint string", "Timeout time.Duration", "MaxRetries int", "PoolSize int",
			"QueueName string", "BatchSize int", "Region string", "FlushEvery time.Duration", "DryRun bool",
			"RateLimit float64", "Token string", "Verbose bool"}, 3+r.IntN(9))
		lines := []string{fmt.Sprintf("// %sConfig is read from %s.yaml at start-up.", camel(svc, true), svc),
			fmt.Sprintf("type %sConfig struct {", camel(svc, true))}
		for _, f := range fields {
			name := strings.Fields(f)[0]
			lines = append(lines, fmt.Sprintf("\t%s `yaml:\"%s\"`", f, snake(strings.ToLower(name[:1])+name[1:])))
		}
		return append(lines, "}", "",
			fmt.Sprintf("func (c %sConfig) Validate() error {", camel(svc, true)),
			"\tif c.Timeout <= 0 {",
			"\t\treturn errors.New(\"timeout must be positive\")",
			"\t}",
			"\treturn nil",
			"}")
	default:
		lines := []string{
			fmt.Sprintf("func Test%sStatus(t *testing.T) {", camel(noun, true)),
			"\ttests := []struct {",
			"\t\tin   string",
			"\t\twant int",
			"\t}{",
		}
		for i, n := 0, 2+r.IntN(8); i < n; i++ {
			lines = append(lines, fmt.Sprintf("\t\t{%q, %d},", pick(r, []string{"/healthz", "/v1/" + noun + "s", "/v1/" + noun + "s/42", "/metrics", "/v2/" + noun}), pick(r, []int{200, 201, 204, 404, 429, 503})))
		}
		return append(lines, "\t}",
			"\tfor _, tt := range tests {",
			"\t\tif got := statusFor(tt.in); got != tt.want {",
			"\t\t\tt.Errorf(\"statusFor(%q) = %d, want %d\", tt.in, got, tt.want)",
			"\t\t}",
			"\t}",
			"}")
	}
}

func pythonCode(r *rand.Rand, svc string) []string {
	noun := pick(r, codeNouns)
	if r.IntN(2) == 0 {
		return []string{
			fmt.Sprintf("\"\"\"Count failed %ss per service in a CSV export of %s.\"\"\"", noun, svc),
			"import csv",
			"import sys",
			"from collections import Counter",
			"",
			"",
			fmt.Sprintf("def summarize_%ss(path):", noun),
			"    counts = Counter()",
			"    with open(path, newline=\"\") as f:",
			"        for row in csv.DictReader(f):",
			"            if row[\"status\"] != \"ok\":",
			"                counts[row[\"service\"]] += 1",
			"    return counts",
			"",
			"",
			"if __name__ == \"__main__\":",
			fmt.Sprintf("    for service, n in summarize_%ss(sys.argv[1]).most_common(%d):", noun, 3+r.IntN(8)),
			"        print(f\"{service:24} {n:6}\")",
		}
	}
	lines := []string{
		"SLO_TARGET = " + pick(r, []string{"0.999", "0.995", "0.99", "0.9995"}),
		"",
		"",
		"def burn_rate(errors, total, window_hours):",
		"    \"\"\"How fast the error budget burns, 1.0 being exactly on budget.\"\"\"",
		"    if total == 0:",
		"        return 0.0",
		"    error_ratio = errors / total",
		"    return error_ratio / (1 - SLO_TARGET)",
		"",
		"",
		fmt.Sprintf("WINDOWS = [  # %s", svc),
	}
	for i, n := 0, 2+r.IntN(6); i < n; i++ {
		lines = append(lines, fmt.Sprintf("    (%d, %d, %d),", r.IntN(500), 10000+r.IntN(90000), pick(r, []int{1, 6, 24, 72})))
	}
	return append(lines, "]", "for errors, total, hours in WINDOWS:",
		"    print(hours, round(burn_rate(errors, total, hours), 2))")
}

func typescriptCode(r *rand.Rand, svc string) []string {
	noun := pick(r, codeNouns)
	fields := distinct(r, []string{"id: string", "status: \"pending\" | \"ok\" | \"failed\"", "createdAt: string",
		"amount: number", "currency: string", "attempts: number", "service: string", "error?: string"}, 3+r.IntN(5))
	lines := []string{fmt.Sprintf("export interface %s {", camel(noun, true))}
	for _, f := range fields {
		lines = append(lines, "  "+f+";")
	}
	return append(lines, "}", "",
		fmt.Sprintf("export async function fetch%ss(baseUrl: string, signal?: AbortSignal): Promise<%s[]> {", camel(noun, true), camel(noun, true)),
		fmt.Sprintf("  const res = await fetch(`${baseUrl}/v1/%ss?service=%s`, { signal });", noun, svc),
		"  if (!res.ok) {",
		fmt.Sprintf("    throw new Error(`%s: ${res.status} ${res.statusText}`);", svc),
		"  }",
		"  return (await res.json()) as "+camel(noun, true)+"[];",
		"}")
}
