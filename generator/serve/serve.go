// Package serve is the live preview: it builds a site into memory, serves
// it over HTTP, watches the site's files, rebuilds only what a change
// touches (build.Incremental) and tells every open page over Server-Sent
// Events to reload itself, or to swap its stylesheet, or to show the
// errors the change brought, with their source lines, over the page.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"almanac/generator/build"
	"almanac/generator/content"
	"almanac/generator/sitefs"
)

// Options configure a preview server.
type Options struct {
	// Source is the site's root folder.
	Source string
	// Theme holds the default layouts/ and static/, and the reload
	// client (build.PreviewClient).
	Theme fs.FS
	// Bind is the address to listen on, 127.0.0.1 by default; Port 0
	// picks a free port. Anything but loopback opens the preview, drafts
	// included, to the network.
	Bind string
	Port int
	// AllowHosts are host names (or addresses) the preview answers to
	// besides this machine's own, as ParseHosts reads them; AnyHost
	// allows every name.
	AllowHosts []string
	// Drafts shows drafts and future-dated pages.
	Drafts bool
	// Now is the preview's present; zero means the time Start is called.
	Now time.Time
	// CacheDir keeps highlighted code blocks on disk; "" keeps them in
	// memory.
	CacheDir string
	// Log receives progress and problems, as a terminal shows them; nil
	// discards them.
	Log io.Writer

	// beforeSettle, for tests, runs after the deferred work has taken its
	// snapshot and before it starts; beforeBuild before the first build.
	beforeSettle, beforeBuild func()
}

// Server is a running preview.
type Server struct {
	opts   Options
	url    string
	urls   []string
	hosts  *hostPolicy
	source fs.FS
	out    *store
	inc    *build.Incremental
	broker *Broker
	watch  *watcher
	http   *http.Server
	client []byte

	// watched is the content folder the watcher walked last; the loop's
	// alone once it runs.
	watched string

	built      atomic.Bool // the site has built at least once
	viewsBuilt atomic.Bool // its lists and views too
	settling   atomic.Bool // a Settle runs, or its result waits to be reported
	collecting atomic.Bool // a collection after a settled change runs (see collectIdle)
	problems   problemState
	logMu      sync.Mutex
	done       chan error

	memory func()        // stops the memory tuner
	ready  chan struct{} // closed when the first build is done, good or not
	stop   chan struct{} // closed when the server starts to shut down
}

// Start listens and serves the site until ctx ends; Wait waits for the
// end. It returns as soon as the port is open: the first build runs
// behind it, and until it is done a browser asking for any page gets a
// "building" page that loads the site when it is ready (Ready closes
// then). The first build's errors do not stop it: the server waits for
// them to be fixed, showing them in every page it is asked for.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	client, err := fs.ReadFile(opts.Theme, build.PreviewClient)
	if err != nil {
		return nil, fmt.Errorf("the theme has no reload client: %w", err)
	}
	allowed, err := ParseHosts(opts.AllowHosts)
	if err != nil {
		return nil, err
	}
	// An IPv4 address is listened on over IPv4 only: Go would take
	// 0.0.0.0 for every address, IPv6 too.
	network := "tcp"
	if ip := net.ParseIP(opts.Bind); ip != nil && ip.To4() != nil {
		network = "tcp4"
	}
	ln, err := net.Listen(network, net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port)))
	if err != nil {
		return nil, err
	}
	// The site is read through sitefs, as build reads it: nothing outside
	// the folder, symbolic links included, and nothing in .git.
	source, err := sitefs.Open(opts.Source)
	if err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{opts: opts, url: siteURL(opts.Bind, ln.Addr()), source: source,
		out: newStore(), broker: NewBroker(), client: client, done: make(chan error, 1),
		ready: make(chan struct{}), stop: make(chan struct{})}
	s.urls = addressesOf(opts.Bind, ln.Addr())
	s.url = s.urls[0]
	public := !listensOnLoopback(ln.Addr())
	s.hosts = newHostPolicy(opts.Bind, public, allowed)
	s.warn(public)
	b, err := build.New(build.Options{
		Source: s.source, Theme: opts.Theme, Drafts: opts.Drafts, BaseURL: s.url,
		CacheDir: opts.CacheDir, LiveReload: clientURL, KeepBodies: true,
		GitDir: opts.Source, // "last updated" and the code repositories' dates, as a build has them
	})
	if err != nil {
		ln.Close()
		return nil, err
	}
	s.inc = b.Incremental(opts.Now, s.out)
	// Watch before the first build, so that no save during it is missed.
	if s.watch, err = newWatcher(opts.Source); err != nil {
		ln.Close()
		return nil, fmt.Errorf("watching %s: %w", opts.Source, err)
	}
	cfg, _ := content.LoadConfig(s.source)
	s.watched = cfg.Content()
	s.watch.watch("layouts", "static", s.watched)
	s.broker.Set("hello", helloID())
	s.problems.set(nil, nil)

	s.memory = tuneMemory(previewMemoryFloor, previewMemoryBudget)
	s.serve(ctx, ln)
	return s, nil
}

// Ready is closed once the first build is done, whether the site built or
// not: from then on every page is the site's, or the errors.
func (s *Server) Ready() <-chan struct{} { return s.ready }

// idle reports whether the first build is done and no deferred work runs
// or waits.
func (s *Server) idle() bool {
	select {
	case <-s.ready:
	default:
		return false
	}
	return !s.settling.Load() && !s.collecting.Load() && !s.inc.Pending()
}

// URL is where the site is served, with a trailing slash: the first of
// URLs.
func (s *Server) URL() string { return s.url }

// URLs are the addresses a reader types to reach the preview: the one
// bound to, or, bound to every interface, this machine's addresses.
func (s *Server) URLs() []string { return slices.Clone(s.urls) }

// warn tells the terminal when the preview is open to more than this
// machine, and where it is reached.
func (s *Server) warn(public bool) {
	if public {
		s.logf("warning: listening on %s opens the preview to the network: anyone who can reach this machine sees the site, drafts included, and its live updates", s.opts.Bind)
		s.logf("reachable at %s", strings.Join(s.urls, ", "))
		s.logf("other host names are refused; allow one with --allow-host NAME")
	}
	if s.hosts.any {
		s.logf("warning: --allow-host %s answers to any host name: a web page elsewhere may read the preview through a name of its own that points here (DNS rebinding)", AnyHost)
	}
}

// Wait blocks until the server has shut down after its context ended.
func (s *Server) Wait() error { return <-s.done }

// serve starts the HTTP server, the watcher and the rebuild loop, and
// shuts them down when ctx ends.
func (s *Server) serve(ctx context.Context, ln net.Listener) {
	mux := http.NewServeMux()
	mux.Handle("GET "+eventsURL, s.broker)
	mux.HandleFunc("GET "+clientURL, s.serveClient)
	mux.Handle("/", &siteHandler{out: s.out, ready: s.ready, stop: s.stop, placeholder: func() bool { return !s.built.Load() }})
	s.http = &http.Server{Handler: s.hosts.check(mux), ReadHeaderTimeout: 10 * time.Second}
	s.http.RegisterOnShutdown(s.broker.Close)

	paths := make(chan string, 256)
	batches := make(chan []string)
	loopCtx, stopLoop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); s.watch.run(loopCtx, paths, s.logf) }()
	go func() { defer wg.Done(); batch(loopCtx, paths, batches, newDebouncer(), realClock{}) }()
	go func() {
		defer wg.Done()
		// The first build runs here, where every later change is
		// applied, while the port already answers; the changes saved
		// meanwhile wait in the batch.
		if s.opts.beforeBuild != nil {
			s.opts.beforeBuild()
		}
		s.build(loopCtx)
		close(s.ready)
		// The pages open since the building page reload, as they do
		// when the server restarts; a page opened from now on has the
		// site already, and hears the new name only.
		s.broker.Set("hello", helloID())
		s.loop(loopCtx, batches)
	}()

	served := make(chan error, 1)
	go func() { served <- s.http.Serve(ln) }()
	go func() {
		var err error
		select {
		case <-ctx.Done():
		case err = <-served:
		}
		shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		close(s.stop)
		s.broker.Close()
		if shutErr := s.http.Shutdown(shutCtx); err == nil && shutErr != nil {
			err = shutErr
		}
		stopLoop()
		wg.Wait()
		s.memory()
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.done <- err
	}()
}

func (s *Server) serveClient(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag(s.client))
	http.ServeContent(w, r, "live.js", time.Time{}, bytes.NewReader(s.client))
}

// helloID is the "hello" event that names this server's site: a page
// that hears another name than it first heard reloads.
func helloID() []byte {
	return []byte(`{"id":"` + strconv.FormatInt(time.Now().UnixNano(), 36) + `"}`)
}

// siteURL is the address pages link to: the first a reader types.
func siteURL(bind string, addr net.Addr) string { return addressesOf(bind, addr)[0] }

// addressesOf are the URLs a reader types to reach a listener.
func addressesOf(bind string, addr net.Addr) []string {
	ta, ok := addr.(*net.TCPAddr)
	if !ok {
		return []string{"http://" + net.JoinHostPort(bind, "0") + "/"}
	}
	var ifaces []net.Addr
	if ta.IP.IsUnspecified() {
		ifaces, _ = net.InterfaceAddrs()
	}
	return reachable(bind, ta.IP, ta.Port, ifaces)
}

// listensOnLoopback reports whether a listener is this machine's only.
func listensOnLoopback(addr net.Addr) bool {
	ta, ok := addr.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}
