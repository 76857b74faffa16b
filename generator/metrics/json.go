package metrics

import (
	"bytes"
	"encoding/json"
)

// JSON returns the report as an indented JSON document, the same bytes for
// the same report: every figure with its n, exclusions and band, the
// weekly trend, the other views and the team series. Missing values are
// null, never zero. Times are RFC 3339 in the site's time zone.
func JSON(r *Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
