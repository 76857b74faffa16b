package render

import "almanac/generator/site"

// KindListJobs are the files of a kind's list, as Jobs has them: one a
// page of the list, the first naming every page of the kind. A preview
// renders those that name a page whose front matter changed together
// with the page, so that the list a writer looks at next does not wait
// for every other list. Listing them costs nothing beside the whole
// site's jobs. None for a kind with no list, nor for the metrics, whose
// list an extension makes (see siteJobs).
func (p *Prepared) KindListJobs(kind site.Kind) []Job {
	k, ok := site.KindByName(string(kind))
	if !ok || k.ListURL == "" || kind == site.KindMetric {
		return nil
	}
	return p.sectionJobs(k, p.s.OfKind(k.Name))
}
