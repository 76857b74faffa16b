package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

func yamlCode(r *rand.Rand, svc string) []string {
	switch r.IntN(3) {
	case 0:
		lines := []string{
			"apiVersion: apps/v1",
			"kind: Deployment",
			"metadata:",
			"  name: " + svc,
			"spec:",
			fmt.Sprintf("  replicas: %d", 2+r.IntN(10)),
			"  strategy:",
			"    rollingUpdate:",
			"      maxUnavailable: 0",
			"      maxSurge: 25%",
			"  template:",
			"    spec:",
			"      containers:",
			"        - name: " + svc,
			fmt.Sprintf("          image: registry.example.com/%s:%d.%d.%d", svc, 1+r.IntN(4), r.IntN(60), r.IntN(5)),
			"          env:",
		}
		for _, k := range distinct(r, []string{"LOG_LEVEL", "DB_POOL_SIZE", "HTTP_TIMEOUT", "RETRY_MAX", "QUEUE_URL", "FEATURE_FLAGS", "OTEL_ENDPOINT", "REGION"}, 2+r.IntN(6)) {
			lines = append(lines, "            - name: "+k, fmt.Sprintf("              value: %q", envValue(r, k)))
		}
		return append(lines, "          readinessProbe:", "            httpGet:", "              path: /healthz", "              port: 8080")
	case 1:
		lines := []string{"groups:", "  - name: " + svc, "    rules:"}
		for i, n := 0, 1+r.IntN(4); i < n; i++ {
			metric := pick(r, []string{"http_requests_errors_total", "queue_depth", "http_request_duration_seconds_p95", "consumer_lag"})
			lines = append(lines,
				fmt.Sprintf("      - alert: %s%s", camel(svc, true), pick(r, []string{"HighErrorRate", "QueueBacklog", "SlowRequests", "ConsumerLag"})),
				fmt.Sprintf("        expr: %s{service=%q} > %d", metric, svc, 5+r.IntN(500)),
				fmt.Sprintf("        for: %dm", pick(r, []int{2, 5, 10, 15})),
				"        labels:",
				"          severity: "+pick(r, []string{"page", "ticket"}),
				"        annotations:",
				"          runbook: https://runbooks.example.com/"+svc)
		}
		return lines
	default:
		lines := []string{"name: deploy " + svc, "on:", "  push:", "    branches: [main]", "jobs:", "  deploy:",
			"    runs-on: ubuntu-latest", fmt.Sprintf("    timeout-minutes: %d", 5+r.IntN(56)),
			"    steps:", "      - uses: actions/checkout@v4"}
		steps := []string{"make test", "make build SERVICE=" + svc, "make image SERVICE=" + svc, "make migrate", "./scripts/canary.sh " + svc, "make promote SERVICE=" + svc}
		for _, s := range steps[:2+r.IntN(len(steps)-1)] {
			lines = append(lines, "      - run: "+s)
		}
		return lines
	}
}

func envValue(r *rand.Rand, key string) string {
	switch key {
	case "LOG_LEVEL":
		return pick(r, []string{"info", "debug", "warn"})
	case "REGION":
		return "ap-northeast-2"
	case "QUEUE_URL", "OTEL_ENDPOINT":
		return "http://" + strings.ToLower(key[:4]) + ".internal:4317"
	case "FEATURE_FLAGS":
		return "new-checkout,async-webhooks"
	}
	return fmt.Sprint(1 + r.IntN(64))
}

func bashCode(r *rand.Rand, svc string) []string {
	lines := []string{"#!/usr/bin/env bash", "set -euo pipefail", "", fmt.Sprintf("SERVICE=%s", svc),
		fmt.Sprintf("NAMESPACE=%s", pick(r, []string{"payments", "platform", "checkout", "default"})), ""}
	if r.IntN(2) == 0 {
		lines = append(lines,
			"echo \"rolling back ${SERVICE} in ${NAMESPACE}\"",
			"kubectl -n \"$NAMESPACE\" rollout undo \"deployment/$SERVICE\"",
			fmt.Sprintf("kubectl -n \"$NAMESPACE\" rollout status \"deployment/$SERVICE\" --timeout=%ds", 60*(1+r.IntN(10))))
		for i, n := 0, r.IntN(5); i < n; i++ {
			lines = append(lines, pick(r, []string{
				"kubectl -n \"$NAMESPACE\" get pods -l app=\"$SERVICE\" -o wide",
				"curl -fsS \"https://${SERVICE}.internal/healthz\"",
				"sleep 10",
				"./scripts/notify.sh \"#incidents\" \"rollback of ${SERVICE} done\"",
				"kubectl -n \"$NAMESPACE\" logs -l app=\"$SERVICE\" --since=5m | grep -c ERROR || true",
			}))
		}
		return lines
	}
	return append(lines,
		fmt.Sprintf("since=\"${1:-%dm}\"", 5*(1+r.IntN(12))),
		"kubectl -n \"$NAMESPACE\" logs -l app=\"$SERVICE\" --since=\"$since\" \\",
		"  | jq -r 'select(.level == \"error\") | .msg' \\",
		"  | sort | uniq -c | sort -rn | head -n "+fmt.Sprint(5+r.IntN(20)))
}

func sqlCode(r *rand.Rand, svc string) []string {
	table := snake(pick(r, codeNouns)) + "s"
	switch r.IntN(3) {
	case 0:
		return []string{
			"SELECT date_trunc('" + pick(r, []string{"hour", "day", "week"}) + "', created_at) AS bucket,",
			"       count(*) FILTER (WHERE status = 'failed') AS failed,",
			"       count(*) AS total,",
			"       round(100.0 * count(*) FILTER (WHERE status = 'failed') / count(*), 2) AS failure_pct",
			"FROM " + table,
			"WHERE service = '" + svc + "'",
			fmt.Sprintf("  AND created_at > now() - interval '%d days'", 1+r.IntN(90)),
			"GROUP BY bucket",
			"ORDER BY bucket;",
		}
	case 1:
		cols := distinct(r, []string{"merchant_id bigint NOT NULL", "amount numeric(18, 2) NOT NULL", "currency char(3) NOT NULL",
			"status text NOT NULL DEFAULT 'pending'", "attempts int NOT NULL DEFAULT 0", "external_ref text",
			"settled_at timestamptz", "updated_at timestamptz NOT NULL DEFAULT now()"}, 2+r.IntN(7))
		lines := []string{"CREATE TABLE " + table + " (", "    id bigserial PRIMARY KEY,"}
		for _, c := range cols {
			lines = append(lines, "    "+c+",")
		}
		return append(lines, "    created_at timestamptz NOT NULL DEFAULT now()", ");", "",
			fmt.Sprintf("CREATE INDEX CONCURRENTLY %s_created_at_idx ON %s (created_at);", table, table))
	default:
		return []string{
			fmt.Sprintf("-- %s: backfill in batches to keep locks short", svc),
			"UPDATE " + table,
			"SET status = 'settled'",
			"WHERE id IN (",
			"    SELECT id FROM " + table,
			"    WHERE status = 'pending' AND settled_at IS NOT NULL",
			fmt.Sprintf("      AND created_at < '20%d-%02d-01'", 23+r.IntN(4), 1+r.IntN(12)),
			fmt.Sprintf("    LIMIT %d", 500*(1+r.IntN(20))),
			"    FOR UPDATE SKIP LOCKED",
			");",
		}
	}
}

func jsonCode(r *rand.Rand, svc string) []string {
	lines := []string{"{", fmt.Sprintf("  \"service\": %q,", svc), "  \"flags\": ["}
	names := distinct(r, []string{"new-checkout", "async-webhooks", "fast-rollback", "v2-search", "batch-settlement", "strict-tls", "audit-export"}, 1+r.IntN(5))
	for i, name := range names {
		end := ","
		if i == len(names)-1 {
			end = ""
		}
		lines = append(lines, "    {", fmt.Sprintf("      \"name\": %q,", name),
			fmt.Sprintf("      \"enabled\": %t,", r.IntN(2) == 0),
			fmt.Sprintf("      \"rollout_percent\": %d", pick(r, []int{0, 1, 5, 10, 25, 50, 100})), "    }"+end)
	}
	return append(lines, "  ],", fmt.Sprintf("  \"updated_by\": %q", strings.ToLower(strings.Fields(pick(r, people))[0])), "}")
}

func dockerfileCode(r *rand.Rand, svc string) []string {
	lines := []string{
		"FROM golang:1." + fmt.Sprint(22+r.IntN(5)) + " AS build",
		fmt.Sprintf("ARG VERSION=%d.%d.%d", 1+r.IntN(3), r.IntN(60), r.IntN(6)),
		"WORKDIR /src",
		"COPY go.mod go.sum ./",
		"RUN go mod download",
		"COPY . .",
		"RUN CGO_ENABLED=0 go build -trimpath -ldflags \"-X main.version=${VERSION}\" -o /out/" + svc + " ./cmd/" + svc,
		"",
		"FROM gcr.io/distroless/static-debian12",
		"COPY --from=build /out/" + svc + " /" + svc,
	}
	if r.IntN(2) == 0 {
		lines = append(lines, "ENV GOMAXPROCS="+fmt.Sprint(1+r.IntN(8)))
	}
	return append(lines, "USER nonroot", fmt.Sprintf("EXPOSE %d", pick(r, []int{8080, 8443, 9090})), "ENTRYPOINT [\"/"+svc+"\"]")
}
