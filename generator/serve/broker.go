package serve

import (
	"bytes"
	"fmt"
	"net/http"
	"path"
	"sort"
	"sync"
	"time"
)

// event is one Server-Sent Event.
type event struct {
	name string
	data []byte // JSON, one line
}

// Broker sends events to every open page over Server-Sent Events. Sending
// never blocks: a page that does not keep up misses events rather than
// holding up the others (each has a small buffer). Some events are sticky:
// the latest of each name is sent again to every page that connects, so a
// page opened while the site has errors shows them at once.
type Broker struct {
	mu      sync.Mutex
	clients map[*client]bool
	sticky  map[string]event
	order   []string // sticky names in the order first set
	closed  chan struct{}
	once    sync.Once

	// keepAlive is how often an idle stream gets a comment line, so that
	// a dead connection is noticed.
	keepAlive time.Duration
}

// client is one open page's stream.
type client struct {
	ch   chan event
	path string // the page's URL path
}

// clientBuffer is how many events a page may fall behind before it
// misses some.
const clientBuffer = 16

// NewBroker returns a broker with no pages.
func NewBroker() *Broker {
	return &Broker{
		clients:   map[*client]bool{},
		sticky:    map[string]event{},
		closed:    make(chan struct{}),
		keepAlive: 25 * time.Second,
	}
}

// Publish sends an event to every page.
func (b *Broker) Publish(name string, data []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fanOut(event{name, data})
}

// Set makes an event sticky and sends it to every page.
func (b *Broker) Set(name string, data []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.sticky[name]; !ok {
		b.order = append(b.order, name)
	}
	e := event{name, data}
	b.sticky[name] = e
	b.fanOut(e)
}

// fanOut offers e to every client without waiting; b.mu is held.
func (b *Broker) fanOut(e event) {
	for c := range b.clients {
		select {
		case c.ch <- e:
		default: // this page is behind; it misses the event
		}
	}
}

// Paths returns the URL paths of the open pages, each once, sorted.
func (b *Broker) Paths() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for c := range b.clients {
		if c.path != "" && !seen[c.path] {
			seen[c.path] = true
			out = append(out, c.path)
		}
	}
	sort.Strings(out)
	return out
}

// Clients returns the number of open streams.
func (b *Broker) Clients() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// Close ends every stream; later ones end at once.
func (b *Broker) Close() { b.once.Do(func() { close(b.closed) }) }

// add registers c and returns the sticky events to send it first.
func (b *Broker) add(c *client) []event {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.clients[c] = true
	out := make([]event, 0, len(b.order))
	for _, name := range b.order {
		out = append(out, b.sticky[name])
	}
	return out
}

func (b *Broker) remove(c *client) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.clients, c)
}

// ServeHTTP streams events to one page until it goes away or the broker
// closes. The page names its URL path in the query (?path=/stories/x/).
func (b *Broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	select {
	case <-b.closed:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	default:
	}
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	c := &client{ch: make(chan event, clientBuffer), path: pagePath(r.URL.Query().Get("path"))}
	first := b.add(c)
	defer b.remove(c)

	var buf bytes.Buffer
	buf.WriteString("retry: 1000\n\n")
	for _, e := range first {
		writeEvent(&buf, e)
	}
	if !flush(w, rc, &buf) {
		return
	}
	tick := time.NewTicker(b.keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-b.closed:
			return
		case <-tick.C:
			buf.WriteString(": keep-alive\n\n")
		case e := <-c.ch:
			writeEvent(&buf, e)
		}
		if !flush(w, rc, &buf) {
			return
		}
	}
}

func writeEvent(buf *bytes.Buffer, e event) {
	fmt.Fprintf(buf, "event: %s\ndata: %s\n\n", e.name, bytes.ReplaceAll(e.data, []byte("\n"), []byte("\ndata: ")))
}

// flush writes buf to the page and reports whether the page is still
// there.
func flush(w http.ResponseWriter, rc *http.ResponseController, buf *bytes.Buffer) bool {
	_, err := w.Write(buf.Bytes())
	buf.Reset()
	if err == nil {
		err = rc.Flush()
	}
	return err == nil
}

// pagePath cleans the path a page reports: a rooted URL path with the
// trailing slash kept, "index.html" dropped; "" when it is not one.
func pagePath(p string) string {
	if p == "" || p[0] != '/' {
		return ""
	}
	c := path.Clean(p)
	if c != "/" && p[len(p)-1] == '/' {
		c += "/"
	}
	if d, f := path.Split(c); f == "index.html" {
		c = d
	}
	return c
}
