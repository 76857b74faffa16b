package corpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// phrasebook is everything one language contributes to the prose: word
// lists for the template slots and sentence templates by purpose. Templates
// use {slot} and, in Korean, {slot:particle} (see voice.expand).
type phrasebook struct {
	metrics, comps, envs, roles, days []string
	durations                         []func(*rand.Rand) string
	clock                             func(h, m int) string
	qty                               func(n int) string

	narrative, incident, release, story, handbook, metric []string
	bullets, steps, tasks, links, intro                   []string

	storyHeads, releaseHeads, pmHeads, handbookHeads, metricHeads, subHeads []string

	// Table headers: a per-service comparison and an incident timeline.
	tableCompare  []string
	tableTimeline []string
	related       string // heading of the closing links section

	// Front matter prose.
	soThat, givens, whens, thens               []string
	quotes, summaries, impacts, rootCauses     []string
	factors, wentWell, wentWrong, gotLucky     []string
	actionItems, releaseThemes, handbookTitles []string
	handbookDescs, eventStart, eventDetect     []string
	eventDuring, eventMitigate, eventResolve   []string
	// eventStart and summaries hold a deploy entry first, a config entry
	// second (eventStart only), then general ones; see startEvent.
	releaseTitle, hotfixTitle, pmTitle func(a, b string) string
}

func enDurations() []func(*rand.Rand) string {
	return []func(*rand.Rand) string{
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(55)) + " minutes" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(55)) + " minutes" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(55)) + " minutes" },
		func(r *rand.Rand) string { return strconv.Itoa(5+r.IntN(50)) + " seconds" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(10)) + " hours" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(12)) + " days" },
	}
}

func koDurations() []func(*rand.Rand) string {
	return []func(*rand.Rand) string{
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(55)) + "분" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(55)) + "분" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(55)) + "분" },
		func(r *rand.Rand) string { return strconv.Itoa(5+r.IntN(50)) + "초" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(10)) + "시간" },
		func(r *rand.Rand) string { return strconv.Itoa(2+r.IntN(12)) + "일" },
	}
}

func enClock(h, m int) string { return fmt.Sprintf("%02d:%02d KST", h, m) }
func koClock(h, m int) string { return fmt.Sprintf("%d시 %d분", h, m) }

func enQty(n int) string { return strconv.Itoa(n) + ",000" }
func koQty(n int) string { return strconv.Itoa(n*1000) + "건" }
