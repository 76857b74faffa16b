package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := runTo(&out, []string{"-pages", "25", "-seed", "3", "-out", dir}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "wrote 25 pages to ") {
		t.Errorf("output %q", out.String())
	}
	var md int
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".md") {
			md++
		}
		return err
	})
	if md != 25 {
		t.Errorf("%d Markdown files, want 25", md)
	}
	if _, err := os.Stat(filepath.Join(dir, "almanac.toml")); err != nil {
		t.Error(err)
	}
}

func TestRunErrors(t *testing.T) {
	tests := [][]string{
		{},
		{"-out", t.TempDir(), "-pages", "5"},
		{"-out", t.TempDir(), "-now", "yesterday"},
		{"-bogus"},
	}
	for _, args := range tests {
		if err := runTo(&bytes.Buffer{}, args); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}
