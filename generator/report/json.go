package report

import (
	"bytes"
	"encoding/json"
)

// JSON is the report as the /reports/<key>.json file holds it: the same
// figures as the page, indented, with a final newline.
func JSON(r *Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
