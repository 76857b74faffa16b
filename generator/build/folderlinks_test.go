package build

import (
	"context"
	"strings"
	"testing"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// A relative link to a folder is published as the URL of the folder's
// page: its README, or the listing made for a folder without one.
func TestFolderLinksPublished(t *testing.T) {
	fsys := sitetest.Parse(`
-- almanac.toml --
base_url = "https://example.org/team/"
-- content/runbooks/db/failover.md --
# Failover

[records](../../handbook/adr), [guides](../../guides/#top)
-- content/handbook/adr/README.md --
# Records
-- content/guides/deploy.md --
# Deploy
`)
	b, err := New(Options{Source: fsys, Theme: themeCopy(t)})
	if err != nil {
		t.Fatal(err)
	}
	out := output.NewMemory()
	if _, err := b.Generate(context.Background(), testNow, out); err != nil {
		t.Fatal(err)
	}
	page, ok := out.Get("runbooks/db/failover/index.html")
	if !ok {
		t.Fatal("no failover page")
	}
	for _, want := range []string{`href="/team/handbook/adr/"`, `href="/team/guides/#top"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("failover page lacks %s", want)
		}
	}
}
