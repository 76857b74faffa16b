// Package metrics computes the team's shared figures from the content
// alone: the four DORA keys (deployment frequency, lead time for changes,
// change failure rate, failed deployment recovery time), incident time to
// restore, their weekly trend, a few more views (incidents by severity,
// throughput, open action items, voice of the customer) and the team's own
// series.
//
// Everything here is a pure function of a *site.Site and a `now` passed in;
// nothing reads the clock. Calendar buckets (days, ISO weeks starting on
// Monday, months) are taken in the site's time zone (Config.Location);
// durations are differences of absolute instants, so a daylight-saving
// change in between neither adds nor removes an hour.
//
// The definitions, in one place:
//
//   - A deployment is a release with status released or rolled_back, dated
//     by its released_at. A deployed release without released_at cannot be
//     placed in time: it is excluded and counted.
//   - The window is [now − N calendar days, now] in the site's time zone,
//     both ends included; N is Config.MetricsWindowDays, 90 by default.
//   - Deployment frequency: deployments in the window, per week (7 × count ÷
//     N) and per month (30.436875 × count ÷ N), with the counts per ISO week
//     and per calendar month. Its band follows the Four Keys rule over the
//     last 90 days whatever the window (see BandTable).
//   - Lead time for changes: for each story naming a deployment in the
//     window, released_at − first_commit_at, or − merged_at when
//     first_commit_at is missing; the median in hours. Stories with neither
//     are excluded and counted; values ≤ 0 are dropped and counted.
//   - Change failure rate: distinct failed deployments ÷ deployments in the
//     window, as a percentage. A deployment failed when it was rolled back
//     (status rolled_back, or a rolled_back_at), when a post-mortem names it
//     in releases, or when a release names it in hotfix_for; it counts once
//     however many of these hold, and every reason is kept.
//   - Failed deployment recovery time: for each failed deployment in the
//     window, from its released_at to the earliest of its rolled_back_at,
//     the released_at of its first deployed hotfix, and the mitigated_at of
//     the post-mortems naming it; only moments after released_at count. The
//     median in hours; failed deployments with no such moment are excluded
//     and counted.
//   - Incident time to restore: for every post-mortem whose started_at lies
//     in the window, mitigated_at − started_at; the median in hours.
//     Post-mortems without started_at are placed by their date and
//     excluded; those without either date cannot be placed and are counted
//     in every window; those without mitigated_at, or with one not after
//     started_at, are excluded too; each reason is counted.
//   - A key has a band only when its n is at least MinBandN (5).
//
// A missing field is never read as zero: it excludes the item from the
// figure it would feed, and the exclusion is counted with its reason and a
// few example ids.
//
// A site that reads code repositories ([[repositories]]) may have some of
// these timestamps from git rather than front matter (package history
// fills them, with their source, before the report is computed). Its
// report then says so: the lead time key's notes count the lead times
// with a timestamp read from git and those wholly from front matter, and
// Report.Sources lists where each lead time's start and each deployment's
// released_at were read. A site without repositories gets the same report
// as before.
package metrics
