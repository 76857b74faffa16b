package serve

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestBrokerNeverBlocks: a page that reads nothing fills its buffer and
// then misses events; Publish goes on for the others.
func TestBrokerNeverBlocks(t *testing.T) {
	b := NewBroker()
	slow := &client{ch: make(chan event, clientBuffer), path: "/slow/"}
	fast := &client{ch: make(chan event, clientBuffer), path: "/fast/"}
	b.add(slow)
	b.add(fast)
	for i := range 10 * clientBuffer {
		b.Publish("reload", []byte(`{}`))
		if i < clientBuffer {
			<-fast.ch
		}
	}
	if len(slow.ch) != clientBuffer {
		t.Errorf("the slow page holds %d events, want a full buffer of %d", len(slow.ch), clientBuffer)
	}
	if got := b.Paths(); !slices.Equal(got, []string{"/fast/", "/slow/"}) {
		t.Errorf("Paths = %v", got)
	}
}

// readEvents collects "event: name" lines from a stream until it has n.
func readEvents(t *testing.T, sc *bufio.Scanner, n int) []string {
	t.Helper()
	var names []string
	for len(names) < n && sc.Scan() {
		if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
			names = append(names, name)
		}
	}
	return names
}

func TestBrokerStream(t *testing.T) {
	b := NewBroker()
	b.Set("hello", []byte(`{"id":"x"}`))
	b.Set("problems", []byte(`{"errors":[]}`))
	srv := httptest.NewServer(b)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"?path=/stories/a/", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Errorf("Content-Type %q", ct)
	}
	sc := bufio.NewScanner(resp.Body)
	// The sticky events come first, in the order they were first set.
	if got := readEvents(t, sc, 2); !slices.Equal(got, []string{"hello", "problems"}) {
		t.Fatalf("first events %v", got)
	}
	b.Publish("reload", []byte(`{"urls":["/stories/a/"]}`))
	if got := readEvents(t, sc, 1); !slices.Equal(got, []string{"reload"}) {
		t.Fatalf("then %v, want reload", got)
	}
	if got := b.Paths(); !slices.Equal(got, []string{"/stories/a/"}) {
		t.Errorf("Paths = %v", got)
	}
	// The page goes away: the broker forgets it.
	cancel()
	for deadline := time.Now().Add(10 * time.Second); b.Clients() > 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the broker kept a page that went away")
		}
	}
}
