package render_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"almanac/generator/internal/browsertest"
)

// brokenWords lists, from the text of main, the words with Hangul that
// the browser laid out over more than one line, and how many such texts
// wrapped at all (so that a page too wide to wrap cannot pass).
const brokenWords = `(() => {
  const hangul = /[\uac00-\ud7a3]/;
  const out = {broken: [], wrapped: 0};
  const walk = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const text = n.textContent;
    if (!hangul.test(text)) continue;
    const whole = document.createRange();
    whole.selectNodeContents(n);
    if (whole.getClientRects().length > 1) out.wrapped++;
    for (const m of text.matchAll(/\S+/g)) {
      if (!hangul.test(m[0])) continue;
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      if (r.getClientRects().length > 1) out.broken.push(m[0]);
    }
  }
  return out;
})()`

// TestKoreanWordsStayWhole opens, on a phone, pages of the sample site
// (written in English) that show Korean: two stories whose titles, user
// stories and criteria are Korean. A Korean word is never split over two
// lines; the text wraps at spaces.
func TestKoreanWordsStayWhole(t *testing.T) {
	srv := calendarSample(t)
	ctx := browsertest.New(t, 60*time.Second)
	type result struct {
		Broken  []string `json:"broken"`
		Wrapped int      `json:"wrapped"`
	}
	for _, path := range []string{"/stories/automatic-tax-invoices/", "/stories/multiple-settlement-accounts/"} {
		run(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+path))
		got := eval[result](t, ctx, brokenWords)
		if got.Wrapped == 0 {
			t.Errorf("%s: no Korean text wraps at 390 pixels; the test sees nothing", path)
		}
		if len(got.Broken) > 0 {
			t.Errorf("%s: Korean words split over two lines: %q", path, got.Broken)
		}
	}
}
