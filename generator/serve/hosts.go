package serve

import (
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// AnyHost, given as an allowed host, lets the preview answer to every
// Host header: DNS-rebinding protection is off.
const AnyHost = "*"

// ParseHosts reads --allow-host values: host names or IP addresses,
// comma separated, without scheme or port, or AnyHost. It returns them
// lowercased, each once.
func ParseHosts(values []string) ([]string, error) {
	var out []string
	for _, v := range values {
		for _, h := range strings.Split(v, ",") {
			h = strings.TrimSpace(h)
			if h == "" {
				continue
			}
			name, err := hostName(h)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out, nil
}

// hostName checks one allowed host and returns the form requests are
// compared with.
func hostName(h string) (string, error) {
	if h == AnyHost {
		return h, nil
	}
	bare := strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if ip := net.ParseIP(bare); ip != nil {
		return ip.String(), nil
	}
	if strings.Contains(h, "://") {
		return "", fmt.Errorf("allowed host %q: give the host name alone, without a scheme", h)
	}
	if strings.Contains(h, ":") {
		return "", fmt.Errorf("allowed host %q: give the host name alone, without a port", h)
	}
	name := strings.TrimSuffix(strings.ToLower(h), ".")
	if name == "" || len(name) > 253 {
		return "", fmt.Errorf("allowed host %q is not a host name", h)
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" || len(label) > 63 || strings.Trim(label, "abcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
			return "", fmt.Errorf("allowed host %q is not a host name", h)
		}
	}
	return name, nil
}

// hostPolicy decides which Host headers the preview answers to. Whatever
// it is bound to, it answers to loopback names and addresses, to the
// address it was bound to and to the hosts allowed by name. Bound to
// anything but loopback, it answers to this machine's own addresses too:
// a reader on the network types one of them. A web page elsewhere can
// make a browser send requests here through a name of its own that it
// points at this machine (DNS rebinding); such names are refused, so the
// page cannot read the drafts.
type hostPolicy struct {
	any        bool
	names      map[string]bool // lowercase names and canonical IP addresses
	interfaces func() ([]net.Addr, error)
}

func newHostPolicy(bind string, public bool, allowed []string) *hostPolicy {
	p := &hostPolicy{names: map[string]bool{}}
	for _, h := range allowed {
		if h == AnyHost {
			p.any = true
		}
		p.names[h] = true
	}
	if b := normalHost(bind); b != "" {
		if ip := net.ParseIP(b); ip == nil || !ip.IsUnspecified() {
			p.names[b] = true
		}
	}
	if public {
		p.interfaces = net.InterfaceAddrs
	}
	return p
}

// normalHost is a Host header's host, without port or brackets,
// lowercased, IP addresses in their canonical form.
func normalHost(hostport string) string {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if ip := net.ParseIP(host); ip != nil {
		return ip.String()
	}
	return host
}

func (p *hostPolicy) allows(hostport string) bool {
	if p.any {
		return true
	}
	host := normalHost(hostport)
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || p.names[host] {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	if p.interfaces == nil {
		return false
	}
	// Read at each request, not once: addresses come and go (a laptop
	// changes networks). Only requests naming an address get here.
	addrs, _ := p.interfaces()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return true
		}
	}
	return false
}

// check refuses the requests whose Host the policy does not allow, saying
// how to allow it.
func (p *hostPolicy) check(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !p.allows(r.Host) {
			name := normalHost(r.Host)
			if _, err := hostName(name); err != nil || name == AnyHost {
				name = "NAME"
			}
			http.Error(w, "this preview does not answer to that host name; start it with --allow-host "+name+" to allow it",
				http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// reachable lists the URLs a reader types to reach a preview bound to
// bind, listening at ip and port: the address bound to, or, bound to every
// interface, this machine's addresses on the network (IPv4 first; IPv6
// when listening on IPv6 too; no link-local ones, which a browser does
// not take). With no such address it is the loopback one.
func reachable(bind string, ip net.IP, port int, addrs []net.Addr) []string {
	p := strconv.Itoa(port)
	if !ip.IsUnspecified() {
		return []string{"http://" + net.JoinHostPort(strings.Trim(bind, "[]"), p) + "/"}
	}
	var v4, v6 []string
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() || n.IP.IsUnspecified() || n.IP.IsMulticast() {
			continue
		}
		u := "http://" + net.JoinHostPort(n.IP.String(), p) + "/"
		switch {
		case n.IP.To4() != nil:
			v4 = append(v4, u)
		case ip.To4() == nil:
			v6 = append(v6, u)
		}
	}
	urls := append(v4, v6...)
	if len(urls) == 0 {
		loop := "127.0.0.1"
		if ip.To4() == nil {
			loop = "::1"
		}
		urls = []string{"http://" + net.JoinHostPort(loop, p) + "/"}
	}
	return urls
}
