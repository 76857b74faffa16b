package serve

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"almanac/generator/internal/browsertest"
)

func TestZZShots(t *testing.T) {
	url := os.Getenv("SHOT_URL")
	if url == "" {
		t.Skip()
	}
	for _, dark := range []bool{false, true} {
		for _, sz := range [][2]int64{{390, 844}, {1280, 900}} {
			ctx := browsertest.New(t, 30*time.Second)
			scheme := "light"
			if dark {
				scheme = "dark"
			}
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
			if err != nil {
				t.Fatal(err)
			}
			err = chromedp.Do(ctx, chromedp.EmulateViewport(sz[0], sz[1]), chromedp.Navigate(url))
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(1500 * time.Millisecond)
			buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile("/tmp/ov-"+scheme+"-"+string(rune('0'+sz[0]/100))+".png", buf, 0o644)
		}
	}
}
