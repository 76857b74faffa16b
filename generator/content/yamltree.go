package content

import "gopkg.in/yaml.v3"

// posError is a parse error at a position in the file (col 0: whole line).
type posError struct {
	line, col int
	msg       string
	hint      string
}

func (e *posError) Error() string { return e.msg }

// parseYAML parses YAML front matter that starts on file line firstLine.
func parseYAML(raw []byte, firstLine int) (root *node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, &posError{line: firstLine, msg: "YAML front matter could not be parsed"}
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, yamlError(err, raw, firstLine)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &node{kind: mapNode, line: firstLine, col: 1}, nil
	}
	b := yamlBuilder{first: firstLine}
	root, err = b.build(doc.Content[0], 0)
	if err != nil {
		return nil, err
	}
	if root.kind == nullNode {
		return &node{kind: mapNode, line: firstLine, col: 1}, nil
	}
	return root, nil
}

type yamlBuilder struct {
	first int
	count int
}

func (b *yamlBuilder) at(n *yaml.Node) (int, int) { return b.first + n.Line - 1, n.Column }

func (b *yamlBuilder) build(n *yaml.Node, depth int) (*node, error) {
	b.count++
	if depth > maxDepth || b.count > maxNodes {
		return nil, &posError{line: b.first + n.Line - 1, col: n.Column,
			msg: "front matter is nested too deeply or expands too far (check YAML aliases)"}
	}
	line, col := b.at(n)
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return &node{kind: nullNode, line: line, col: col}, nil
		}
		out, err := b.build(n.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		moved := *out
		moved.line, moved.col = line, col
		return &moved, nil
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &node{kind: nullNode, line: line, col: col}, nil
		}
		return b.build(n.Content[0], depth+1)
	case yaml.SequenceNode:
		out := &node{kind: listNode, line: line, col: col}
		for _, c := range n.Content {
			item, err := b.build(c, depth+1)
			if err != nil {
				return nil, err
			}
			out.items = append(out.items, item)
		}
		return out, nil
	case yaml.MappingNode:
		return b.mapping(n, depth)
	case yaml.ScalarNode:
		return b.scalar(n, line, col), nil
	}
	return &node{kind: nullNode, line: line, col: col}, nil
}

func (b *yamlBuilder) mapping(n *yaml.Node, depth int) (*node, error) {
	line, col := b.at(n)
	out := &node{kind: mapNode, line: line, col: col}
	var merged []entry
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		val, err := b.build(v, depth+1)
		if err != nil {
			return nil, err
		}
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			// "<<: *base" brings in the keys of base that are not set here.
			switch val.kind {
			case mapNode:
				merged = append(merged, val.entries...)
			case listNode:
				for _, it := range val.items {
					if it.kind == mapNode {
						merged = append(merged, it.entries...)
					}
				}
			}
			continue
		}
		kl, kc := b.at(k)
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			key = "?"
		}
		out.entries = append(out.entries, entry{key: key, line: kl, col: kc, val: val})
	}
	if len(merged) > 0 {
		have := make(map[string]bool, len(out.entries))
		for _, e := range out.entries {
			have[e.key] = true
		}
		for _, m := range merged {
			if !have[m.key] {
				have[m.key] = true
				out.entries = append(out.entries, m)
			}
		}
	}
	return out, nil
}

func (b *yamlBuilder) scalar(n *yaml.Node, line, col int) *node {
	out := &node{kind: stringNode, line: line, col: col, text: n.Value}
	switch n.ShortTag() {
	case "!!null":
		out.kind = nullNode
	case "!!bool":
		var v bool
		if n.Decode(&v) == nil {
			out.kind, out.truth = boolNode, v
		}
	case "!!int":
		var v int64
		if n.Decode(&v) == nil {
			out.kind, out.inum, out.num = intNode, v, float64(v)
		} else {
			var f float64
			if n.Decode(&f) == nil {
				out.kind, out.num = floatNode, f
			}
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil {
			out.kind, out.num = floatNode, f
		}
	case "!!timestamp":
		out.kind = timeNode
	}
	return out
}
