package serve

import (
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// networkAddresses are this machine's IPv4 addresses other than loopback
// and link-local ones: what a reader on the network types.
func networkAddresses(t *testing.T) []string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
			out = append(out, n.IP.String())
		}
	}
	return out
}

// directClient asks the server itself, whatever proxy the environment
// names.
var directClient = &http.Client{Transport: &http.Transport{Proxy: nil}}

// askAs asks url for the home page, naming host in the Host header.
func askAs(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := directClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestServeHostCheck asks real servers, bound to loopback and to the
// network, for their home page under many Host names.
func TestServeHostCheck(t *testing.T) {
	dir := writeSite(t, testSite)
	lan := networkAddresses(t)
	type bind struct {
		bind  string
		allow []string
	}
	type hostCase struct {
		name             string
		bind             bind
		allowed, refused []string
		warning          string // in the log; "" checks there is no warning
	}
	tests := []hostCase{
		{
			name:    "loopback",
			bind:    bind{bind: "127.0.0.1"},
			allowed: []string{"127.0.0.1", "127.0.0.1:1313", "localhost", "LOCALHOST:1313", "localhost.", "preview.localhost", "[::1]:1313", "127.0.0.2"},
			// DNS rebinding: a name of an attacker's that points here.
			refused: append([]string{"attacker.example", "attacker.example:1313", "127.0.0.1.evil.example", "localhost.evil.example",
				"203.0.113.7", "devbox"}, lan...),
		},
		{
			name:    "loopback, hosts allowed by name",
			bind:    bind{bind: "127.0.0.1", allow: []string{"devbox, preview.example", "10.9.8.7"}},
			allowed: []string{"localhost", "devbox", "DevBox:1313", "preview.example", "10.9.8.7:1313"},
			refused: []string{"attacker.example", "devbox.example", "sub.preview.example", "10.9.8.8"},
		},
		{
			name:    "loopback, any host",
			bind:    bind{bind: "127.0.0.1", allow: []string{"*"}},
			allowed: []string{"localhost", "attacker.example", "203.0.113.7"},
			warning: "answers to any host name",
		},
		{
			name:    "every interface",
			bind:    bind{bind: "0.0.0.0"},
			allowed: append([]string{"localhost", "127.0.0.1:1313", "preview.localhost"}, lan...),
			refused: []string{"attacker.example", "attacker.example:1313", "127.0.0.1.evil.example", "203.0.113.7", "devbox", "0.0.0.0"},
			warning: "warning: listening on 0.0.0.0 opens the preview to the network",
		},
		{
			name:    "every interface, hosts allowed by name",
			bind:    bind{bind: "0.0.0.0", allow: []string{"devbox", "team-preview.internal,203.0.113.7"}},
			allowed: append([]string{"localhost", "devbox:1313", "team-preview.internal", "203.0.113.7"}, lan...),
			refused: []string{"attacker.example", "203.0.113.8", "devbox.attacker.example"},
			warning: "drafts included",
		},
	}
	if len(lan) > 0 {
		tests = append(tests, hostCase{
			name:    "one network address",
			bind:    bind{bind: lan[0]},
			allowed: []string{lan[0], lan[0] + ":1313", "localhost"},
			refused: []string{"attacker.example", "203.0.113.7"},
			warning: "warning: listening on " + lan[0] + " opens the preview to the network",
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, log := startWith(t, dir, func(o *Options) { o.Bind, o.AllowHosts = tt.bind.bind, tt.bind.allow })
			for _, host := range tt.allowed {
				if code, body := askAs(t, srv.URL(), host); code != http.StatusOK {
					t.Errorf("Host %s: %d %.80q, want 200", host, code, body)
				}
			}
			for _, host := range tt.refused {
				code, body := askAs(t, srv.URL(), host)
				if code != http.StatusForbidden || !strings.Contains(body, "--allow-host") {
					t.Errorf("Host %s: %d %.80q, want 403 naming --allow-host", host, code, body)
				}
			}
			switch {
			case tt.warning == "" && strings.Contains(log.String(), "warning"):
				t.Errorf("a preview on loopback warns:\n%s", log)
			case !strings.Contains(log.String(), tt.warning):
				t.Errorf("the log lacks %q:\n%s", tt.warning, log)
			}
		})
	}
}

// TestServeRefusalNamesTheFlag: the refusal says which flag lets the host
// in, and events and the reload client are refused as pages are.
func TestServeRefusalNamesTheFlag(t *testing.T) {
	srv, _ := startWith(t, writeSite(t, testSite), func(o *Options) {})
	for _, path := range []string{"", "stories/export-log/", "_almanac/live.js", "_almanac/events?path=/"} {
		code, body := askAs(t, srv.URL()+path, "attacker.example:1313")
		if code != http.StatusForbidden || !strings.Contains(body, "--allow-host attacker.example") {
			t.Errorf("/%s as attacker.example: %d %q", path, code, body)
		}
	}
	if _, body := askAs(t, srv.URL(), "bad_host!"); !strings.Contains(body, "--allow-host NAME") {
		t.Errorf("a host that is no host name is repeated in the refusal: %q", body)
	}
}

// TestServeBoundToTheNetworkSaysWhere: bound to every interface, the
// preview names this machine's network addresses, not localhost, and the
// pages link to the first.
func TestServeBoundToTheNetworkSaysWhere(t *testing.T) {
	lan := networkAddresses(t)
	srv, log := startWith(t, writeSite(t, testSite), func(o *Options) { o.Bind = "0.0.0.0" })
	urls := srv.URLs()
	if len(lan) == 0 {
		if len(urls) != 1 || !strings.HasPrefix(urls[0], "http://127.0.0.1:") {
			t.Errorf("with no network address, URLs = %v", urls)
		}
		t.Skip("this machine has no network address")
	}
	if len(urls) != len(lan) {
		t.Errorf("URLs = %v, want one per address of %v", urls, lan)
	}
	for i, ip := range lan {
		if i < len(urls) && !strings.HasPrefix(urls[i], "http://"+ip+":") {
			t.Errorf("URLs[%d] = %s, want %s", i, urls[i], ip)
		}
	}
	if srv.URL() != urls[0] {
		t.Errorf("URL %s is not the first of %v", srv.URL(), urls)
	}
	if !strings.Contains(log.String(), "reachable at "+strings.Join(urls, ", ")) {
		t.Errorf("the log does not name %v:\n%s", urls, log)
	}
	if strings.Contains(strings.Join(urls, " ")+log.String(), "localhost") {
		t.Errorf("the addresses name localhost:\n%s", log)
	}
}

func TestReachable(t *testing.T) {
	ifaces := []net.Addr{
		&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
		&net.IPNet{IP: net.ParseIP("192.0.2.2"), Mask: net.CIDRMask(24, 32)},
		&net.IPNet{IP: net.ParseIP("::1"), Mask: net.CIDRMask(128, 128)},
		&net.IPNet{IP: net.ParseIP("fd00::2"), Mask: net.CIDRMask(64, 128)},
		&net.IPNet{IP: net.ParseIP("fe80::fc:ff:fe00:1"), Mask: net.CIDRMask(64, 128)},
		&net.IPNet{IP: net.ParseIP("169.254.3.4"), Mask: net.CIDRMask(16, 32)},
		&net.IPNet{IP: net.ParseIP("10.1.2.3"), Mask: net.CIDRMask(8, 32)},
	}
	loopOnly := ifaces[:1]
	tests := []struct {
		bind, listen string
		addrs        []net.Addr
		want         []string
	}{
		{"0.0.0.0", "0.0.0.0", ifaces, []string{"http://192.0.2.2:1313/", "http://10.1.2.3:1313/"}},
		{"::", "::", ifaces, []string{"http://192.0.2.2:1313/", "http://10.1.2.3:1313/", "http://[fd00::2]:1313/"}},
		{"0.0.0.0", "0.0.0.0", loopOnly, []string{"http://127.0.0.1:1313/"}},
		{"::", "::", loopOnly, []string{"http://[::1]:1313/"}},
		{"192.0.2.2", "192.0.2.2", ifaces, []string{"http://192.0.2.2:1313/"}},
		{"fd00::2", "fd00::2", ifaces, []string{"http://[fd00::2]:1313/"}},
		{"[fd00::2]", "fd00::2", ifaces, []string{"http://[fd00::2]:1313/"}},
		{"127.0.0.1", "127.0.0.1", ifaces, []string{"http://127.0.0.1:1313/"}},
		{"localhost", "127.0.0.1", ifaces, []string{"http://localhost:1313/"}},
		{"devbox.lan", "192.0.2.2", ifaces, []string{"http://devbox.lan:1313/"}},
	}
	for _, tt := range tests {
		if got := reachable(tt.bind, net.ParseIP(tt.listen), 1313, tt.addrs); !slices.Equal(got, tt.want) {
			t.Errorf("reachable(%s on %s) = %v, want %v", tt.bind, tt.listen, got, tt.want)
		}
	}
}

func TestParseHosts(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
		err  string
	}{
		{nil, nil, ""},
		{[]string{"devbox"}, []string{"devbox"}, ""},
		{[]string{"DevBox.Example., preview.example", "devbox.example"}, []string{"devbox.example", "preview.example"}, ""},
		{[]string{"10.0.0.5", "[fd00::2]", "fd00:0::2"}, []string{"10.0.0.5", "fd00::2"}, ""},
		{[]string{"*"}, []string{"*"}, ""},
		{[]string{" , "}, nil, ""},
		{[]string{"https://devbox"}, nil, "without a scheme"},
		{[]string{"devbox:1313"}, nil, "without a port"},
		{[]string{"dev box"}, nil, "not a host name"},
		{[]string{"*.example"}, nil, "not a host name"},
		{[]string{"a..b"}, nil, "not a host name"},
	}
	for _, tt := range tests {
		got, err := ParseHosts(tt.in)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseHosts(%q): %v, want an error with %q", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || !slices.Equal(got, tt.want)):
			t.Errorf("ParseHosts(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
