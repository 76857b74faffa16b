package check

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"almanac/generator/site"
)

// earlyReport checks a rendered site as a build does: pages come in the
// given order, each rendered only when its turn comes (the others'
// Rendered is nil until then), and keep only the links Page returns.
func earlyReport(s *site.Site, order []int, opts Options) (site.Diagnostics, Broken) {
	rendered := make([]*site.Rendered, len(s.Pages))
	for i, p := range s.Pages {
		rendered[i], p.Rendered = p.Rendered, nil
	}
	e := NewEarly(s)
	for _, i := range order {
		p := s.Pages[i]
		p.Rendered = rendered[i]
		p.Rendered.Links = e.Page(p)
	}
	return e.Report(s, opts)
}

// TestEarlyIsLinkReport: checking links as pages render, in any order,
// reports what checking them all at the end reports, finding for finding
// and count for count, under every policy.
func TestEarlyIsLinkReport(t *testing.T) {
	withFeed := Options{Outputs: func(name string) bool { return name == "index.xml" }}
	sites := map[string]string{
		"links": linkSite,
		"case": `
-- content/a.md --
# A

[up](b.md#Upgrade--Downgrade-Strategy), [fine](b.md#upgrade--downgrade-strategy), [text](b.md#:~:text=Downgrade), [feed](/index.xml#x), [css](/css/site.css)
-- content/b.md --
# B

## Upgrade / Downgrade Strategy

[back](a.md#a), [wrong](a.md#b), [self](#upgrade--downgrade-strategy), [self wrong](#Upgrade)
`,
		"folders": `
-- content/runbooks/db/failover.md --
# Failover

[records](../../handbook/adr/#records), [runbooks](..), [guide](../../guides#guides), [top](../../), [nothing](../../nowhere/), [file](x.pdf)
-- content/handbook/adr/README.md --
# Records
-- content/guides/deploy.md --
# Deploy
`,
	}
	policies := []string{"", PolicyWarning, PolicyIgnore}
	for name, src := range sites {
		for _, links := range policies {
			for _, anchors := range policies {
				for seed := range uint64(3) {
					t.Run(fmt.Sprintf("%s/%s/%s/%d", name, links, anchors, seed), func(t *testing.T) {
						want := renderSite(t, src)
						want.Config.LinkPolicy, want.Config.AnchorPolicy = links, anchors
						wantDiags, wantBroken := LinkReport(want, withFeed)

						s := renderSite(t, src)
						s.Config.LinkPolicy, s.Config.AnchorPolicy = links, anchors
						order := rand.New(rand.NewPCG(seed, 1)).Perm(len(s.Pages))
						diags, broken := earlyReport(s, order, withFeed)
						if lines(diags) != lines(wantDiags) {
							t.Errorf("early:\n%s\nat the end:\n%s", lines(diags), lines(wantDiags))
						}
						if broken != wantBroken {
							t.Errorf("early counts %+v, at the end %+v", broken, wantBroken)
						}
						if wantBroken.Links+wantBroken.Anchors == 0 {
							t.Error("the site has no broken link: the comparison shows nothing")
						}
					})
				}
			}
		}
	}
}

// TestEarlyKeepsOnlyWhatWaits: links decided by loading alone are not
// kept; a #fragment of another page, and a URL that is neither a page
// nor an asset (it may be a file the build makes), are.
func TestEarlyKeepsOnlyWhatWaits(t *testing.T) {
	s := renderSite(t, linkSite)
	order := make([]int, len(s.Pages))
	for i := range order {
		order[i] = i
	}
	earlyReport(s, order, Options{})
	for _, p := range s.Pages {
		if p.Source != "content/stories/a.md" {
			continue
		}
		var kept []string
		for _, l := range p.Rendered.Links {
			kept = append(kept, l.Dest)
		}
		want := `[b.md#details b.md#deep-heading ../releases/1.0.0.md#highlights /releases/1.0.0/#highlights /index.xml ../배포-로그.md#개요 b.md#detials /nope/ gone.png]`
		if got := fmt.Sprint(kept); got != want {
			t.Errorf("kept %s\nwant %s", got, want)
		}
	}
}
