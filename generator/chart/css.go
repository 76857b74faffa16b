package chart

// CSS returns the stylesheet of the charts: colours as custom properties
// with a light and a dark value, applied through classes (every mark is
// drawn in currentColor, so a series takes the colour of its class). A
// site may set any --chart-* property in its own stylesheet to change them.
// Without this stylesheet the charts still read: every mark falls back to
// the text colour, series told apart by opacity.
func CSS() string {
	return `/* Charts */
:root {
  --chart-line: #2563eb;
  --chart-grid: #6b7280;
  --chart-target: #b45309;
  --chart-s1: var(--chart-line);
  --chart-s2: #0d9488;
  --chart-s3: #c2410c;
  --chart-s4: #7c3aed;
  --chart-s5: #be185d;
  --chart-s6: #4d7c0f;
  --chart-s7: #0369a1;
  --chart-s8: #78716c;
  --chart-sev1: #c62828;
  --chart-sev2: #e65100;
  --chart-sev3: #b7950b;
  --chart-sev4: #1565c0;
  --chart-sev5: #757575;
  --chart-sev-unspecified: #a1a1aa;
}
@media (prefers-color-scheme: dark) {
  :root {
    --chart-line: #60a5fa;
    --chart-grid: #9ca3af;
    --chart-target: #fbbf24;
    --chart-s2: #2dd4bf;
    --chart-s3: #fb923c;
    --chart-s4: #a78bfa;
    --chart-s5: #f472b6;
    --chart-s6: #a3e635;
    --chart-s7: #38bdf8;
    --chart-s8: #d6d3d1;
    --chart-sev1: #f87171;
    --chart-sev2: #fb923c;
    --chart-sev3: #facc15;
    --chart-sev4: #60a5fa;
    --chart-sev5: #a3a3a3;
    --chart-sev-unspecified: #71717a;
  }
}
svg.chart { display: block; width: 100%; height: auto; overflow: visible; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
svg.chart-sparkline { display: inline-block; width: 7.5em; vertical-align: middle; }
svg.chart text { font-family: inherit; }
svg.chart .chart-grid { color: var(--chart-grid); }
svg.chart .chart-target { color: var(--chart-target); }
svg.chart .chart-s1 { color: var(--chart-s1); }
svg.chart .chart-s2 { color: var(--chart-s2); }
svg.chart .chart-s3 { color: var(--chart-s3); }
svg.chart .chart-s4 { color: var(--chart-s4); }
svg.chart .chart-s5 { color: var(--chart-s5); }
svg.chart .chart-s6 { color: var(--chart-s6); }
svg.chart .chart-s7 { color: var(--chart-s7); }
svg.chart .chart-s8 { color: var(--chart-s8); }
svg.chart .chart-sev1 { color: var(--chart-sev1); }
svg.chart .chart-sev2 { color: var(--chart-sev2); }
svg.chart .chart-sev3 { color: var(--chart-sev3); }
svg.chart .chart-sev4 { color: var(--chart-sev4); }
svg.chart .chart-sev5 { color: var(--chart-sev5); }
svg.chart .chart-sev-unspecified { color: var(--chart-sev-unspecified); }
svg.chart-stacked .chart-series, svg.chart-stacked .chart-legend rect { fill-opacity: 1; }
svg.chart .chart-points circle { stroke: Canvas; stroke-width: 1; }
.chart-figure { margin: 1.5rem 0; }
.chart-figure figcaption { font-weight: 600; margin-top: 0.25rem; }
.chart-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  svg.chart { break-inside: avoid; }
  svg.chart .chart-points circle { stroke: none; }
}
`
}
