// Package calendar turns a site's dated content into calendar events and
// shows them three ways: month grids ready for a template (Monday-first
// weeks, today marked, prev/next links), a per-month list for narrow
// screens plus an upcoming-releases list, and iCalendar feeds (RFC 5545)
// that Google Calendar, Apple Calendar and Outlook can subscribe to.
//
// Where events come from:
//
//   - A release is one event on one day in the site's time zone: its
//     released_at when it is released or rolled back, else its planned_date
//     (planned, frozen, cancelled). A rolled_back_at is an event of its own.
//     A release keeps one UID whatever its status, so a planned release that
//     ships moves in a subscriber's calendar instead of appearing twice.
//   - Each release milestone (code freeze and the like) is an all-day event.
//   - A post-mortem's incident is a timed event from started_at to
//     resolved_at (mitigated_at when resolved_at is missing); without
//     started_at it falls back to an all-day event on the post-mortem's date.
//   - Each action item with a due date is an all-day event on that date.
//
// All-day events start at midnight of their first day in the site's time
// zone and end, exclusively, at midnight of the day after their last; timed
// events are instants. UIDs derive from the content's ids and the host of
// base_url, so they are the same in every build.
//
// Everything here is a pure function of its arguments: nothing reads the
// clock. "Now" is the build's --now, passed in; DTSTAMP and LAST-MODIFIED
// come from the content: LAST-MODIFIED is the page's lastmod, or for a
// page without one the newest moment the site records as past (a lastmod,
// a release, a rollback, an incident); DTSTAMP is the newest LAST-MODIFIED
// of the feed.
package calendar
