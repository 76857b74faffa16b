package markdown

import (
	"strings"
	"testing"
)

// TestHeadingIDsAsGitHub renders headings of the kinds teams write (design
// docs with long tables of contents, runbooks, release notes,
// post-mortems) and expects the ids GitHub gives them.
func TestHeadingIDsAsGitHub(t *testing.T) {
	tests := []struct{ md, want string }{
		// Design documents and RFCs.
		{"## Table of Contents", "table-of-contents"},
		{"## 1. Motivation", "1-motivation"},
		{"### 3.2 Non-goals", "32-non-goals"},
		{"## 5. Alternatives Considered", "5-alternatives-considered"},
		{"## Upgrade / Downgrade Strategy", "upgrade--downgrade-strategy"},
		{"## API / SDK", "api--sdk"},
		{"## C++ SDK", "c-sdk"},
		{"## TL;DR", "tldr"},
		{"## Q&A", "qa"},
		{`## Q3 OKRs: "reliability" first`, "q3-okrs-reliability-first"},
		{"## snake_case_names and kebab-case-names", "snake_case_names-and-kebab-case-names"},
		{"## Using [Terraform](https://www.terraform.io/) modules", "using-terraform-modules"},
		{"## **Impact** and *scope*", "impact-and-scope"},
		{"## The `kubectl rollout` command", "the-kubectl-rollout-command"},
		{"## `a  b` keeps its spaces", "a--b-keeps-its-spaces"},
		// Release notes.
		{"## Release v4.2.0", "release-v420"},
		{"## What's new in 2.0?", "whats-new-in-20"},
		{"## Rollback (v1.4.1 → v1.4.0)", "rollback-v141--v140"},
		{"## 🚀 Getting Started", "-getting-started"},
		{"## Deploying Apps 🚀", "deploying-apps-"},
		{"## 🛠️ Tooling", "\ufe0f-tooling"}, // the variation selector is a mark, and stays
		{"## :rocket: Launch", "rocket-launch"},
		// Runbooks.
		{"## Step ① — prepare", "step---prepare"},
		{"## HTTP 5xx @ 09:12 KST", "http-5xx--0912-kst"},
		{"## Email <ops@example.com>", "email-opsexamplecom"},
		{"## <kbd>Ctrl</kbd>+<kbd>K</kbd> search", "ctrlk-search"},
		{"## Image ![logo](logo.png) badge", "image--badge"},
		{`## Escaped \*stars\* and &amp; entity`, "escaped-stars-and--entity"},
		{"## Multiple   spaces  inside", "multiple---spaces--inside"},
		{"##    Leading and trailing spaces   ", "leading-and-trailing-spaces"},
		{"## Tab\tseparated", "tabseparated"},
		{"## No\u00a0break", "nobreak"},
		// Post-mortems.
		{"## _ Update 29 Jan 2016 _ OpenSSL Impact Assessment", "_-update-29-jan-2016-_-openssl-impact-assessment"},
		{"## Root cause: connection-pool exhaustion", "root-cause-connection-pool-exhaustion"},
		{"## Timeline (all times KST, UTC+9)", "timeline-all-times-kst-utc9"},
		{"## Action items [3/5]", "action-items-35"},
		{"## Post-mortem: 2026-03-04 settlement outage", "post-mortem-2026-03-04-settlement-outage"},
		{"## x² scaling", "x-scaling"},
		// Other scripts.
		{"## 배포 절차", "배포-절차"},
		{"## 사전 점검 (Pre-flight)", "사전-점검-pre-flight"},
		{"## 장애 타임라인 — 2026년 3월 4일", "장애-타임라인--2026년-3월-4일"},
		{"## デプロイ手順", "デプロイ手順"},
		{"## ¿Qué pasó? Análisis", "qué-pasó-análisis"},
		{"## Straße & Ünïcode", "straße--ünïcode"},
		{"## Cafe\u0301 menu", "cafe\u0301-menu"}, // a combining accent stays
		{"## İstanbul region", "i\u0307stanbul-region"},
		{"## Ⅻ Roman", "ⅻ-roman"},
		{"## Fullwidth＿low line", "fullwidth＿low-line"},
		// Other forms of heading.
		{"Two\nlines\n---", "twolines"},
		{"## Caveats[^1]\n\n[^1]: A footnote's number is part of the text.", "caveats1"},
		{"## Setup {#custom-setup}", "custom-setup"},
		{"## ???", "heading"},
	}
	md := New(Options{})
	for _, tt := range tests {
		r, err := md.Render("content/a.md", 1, []byte(tt.md+"\n"), nil)
		if err != nil || len(r.TOC) != 1 {
			t.Errorf("%q: %v, TOC %v", tt.md, err, r.TOC)
			continue
		}
		if got := r.TOC[0].ID; got != tt.want {
			t.Errorf("%q: id %q, want %q", tt.md, got, tt.want)
		}
		if want := `id="` + tt.want + `"`; !strings.Contains(r.HTML, want) {
			t.Errorf("%q: HTML %q lacks %s", tt.md, r.HTML, want)
		}
	}
}

// TestHeadingIDsRepeated: repeated ids are numbered in document order as
// GitHub numbers them, headings with nothing to keep included.
func TestHeadingIDsRepeated(t *testing.T) {
	src := strings.Join([]string{
		"## Overview", "## Setup", "## Setup", "## Setup-1", "## Setup",
		"## ???", "## !!!", "## 🎉", "## Heading", "## 배포", "## 배포",
		"## Rollback {#setup-3}", "## Setup",
	}, "\n\n")
	r, err := New(Options{}).Render("content/a.md", 1, []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range r.TOC {
		got = append(got, h.ID)
	}
	want := []string{
		"overview", "setup", "setup-1", "setup-1-1", "setup-2",
		"heading-1", "-1", "-2", "heading", "배포", "배포-1",
		"setup-3", "setup-4",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ids\n%q\nwant\n%q", got, want)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"???", ""},
		{"  Foo  ", "--foo--"}, // Markdown trims a heading; slug does not
		{"a -- b", "a----b"},
		{"A\u200dB", "ab"}, // zero width joiner: a format character
		{"Ⓐ circled", "ⓐ-circled"},
		{"½ price", "-price"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDsUnique(t *testing.T) {
	ids := newHeadingIDs()
	ids.reserve("setup-1")
	var got []string
	for _, text := range []string{"Setup", "Setup", "Setup", "setup 2", "배포", "배포"} {
		got = append(got, ids.generate(text))
	}
	want := []string{"setup", "setup-2", "setup-3", "setup-2-1", "배포", "배포-1"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("id %d = %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
}
