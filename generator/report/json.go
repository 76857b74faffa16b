package report

import (
	"bytes"
	"encoding/json"
)

// JSON is the report as the /reports/<key>.json file holds it: the same
// figures as the page, indented, with a final newline.
func JSON(r *Report) ([]byte, error) {
	var b bytes.Buffer
	err := WriteJSON(&b, r)
	return b.Bytes(), err
}

// WriteJSON writes JSON(r) onto the end of b. The report is indented into
// b's own room: an encoder indents into a buffer of its own, grown for
// every file, and a 100,000-page site's reports made hundreds of
// megabytes of such copies for the collector.
func WriteJSON(b *bytes.Buffer, r *Report) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := json.Indent(b, data, "", "  "); err != nil {
		return err
	}
	return b.WriteByte('\n')
}
