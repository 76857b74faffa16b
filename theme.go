package main

import (
	"embed"
	"io/fs"
)

// theme holds the default layouts and static files, so the binary builds a
// site that has neither folder of its own.
//
//go:embed layouts static
var theme embed.FS

// themeFS returns the embedded default theme.
func themeFS() fs.FS { return theme }
