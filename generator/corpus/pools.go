package corpus

// The pools below are read-only tables the generator draws from. Names are
// invented; services, tools and teams are what a payments-and-platform team
// in Seoul might run.

var people = []string{
	"Minji Kim", "Jiwoo Park", "Seojun Lee", "Hana Choi", "Doyun Jung",
	"Yuna Kang", "Hyunwoo Cho", "Soyeon Yoon", "Jaehyun Jang", "Eunji Lim",
	"Taeyang Han", "Subin Oh", "Jihoon Seo", "Nari Shin", "Wooseok Kwon",
	"Chaewon Hwang", "Dongha Ahn", "Yerin Song", "Sungmin Yoo", "Gaeun Hong",
	"Alex Morgan", "Priya Raman", "Lucas Ferreira", "Emma Novak", "Daniel Osei",
	"Sofia Greco", "Kenji Watanabe", "Mei Lin", "Omar Haddad", "Ingrid Larsen",
	"Mateo Ruiz", "Aisha Bello", "Tomasz Wrona", "Chloe Martin", "Ravi Iyer",
	"Noah Fischer", "Lena Vogel", "Arjun Mehta", "Sara Lindqvist", "Yusuf Demir",
}

var teams = []string{
	"platform", "payments", "settlement", "checkout", "search", "mobile", "growth", "sre",
}

var tags = []string{
	"deploys", "rollbacks", "ci", "cd", "latency", "availability", "queues", "retries",
	"alerts", "runbooks", "on-call", "observability", "tracing", "logging", "metrics",
	"dashboards", "slo", "error-budget", "capacity", "autoscaling", "kubernetes", "helm",
	"terraform", "postgres", "redis", "kafka", "cdn", "dns", "tls", "auth",
	"security", "compliance", "audit", "pii", "gdpr", "billing", "invoices", "refunds",
	"settlement", "reconciliation", "webhooks", "api", "sdk", "mobile", "web", "search",
	"indexing", "feature-flags", "canary", "migrations", "backups", "disaster-recovery",
	"cost", "performance", "accessibility", "i18n", "export", "reporting", "notifications", "tech-debt",
}

var services = []string{
	"checkout-api", "payments-gateway", "settlement-batch", "ledger", "auth-service",
	"search-indexer", "notification-worker", "edge-proxy", "session-store", "report-builder",
	"webhook-dispatcher", "inventory-sync", "feature-flags", "user-profile", "billing-cron",
}

var tools = []string{
	"Argo CD", "Terraform", "Helm", "PagerDuty", "Grafana", "Prometheus", "Alertmanager",
	"Kafka", "Redis", "PostgreSQL", "nginx", "GitHub Actions", "OpenTelemetry", "Loki",
	"Vault", "Sentry", "k6", "Envoy",
}

var customers = []string{
	"Acme Logistics", "Hanbit Retail", "Northwind Travel", "Blue Harbor Bank", "Seoul Fresh Market",
	"Jeju Air Cargo", "Mirae Insurance", "Contoso Games", "Daehan Pharmacy", "Lumen Studios",
	"Busan Port Services", "Greenleaf Foods", "Orbit Mobility", "Pinecone Books", "Sejong Telecom",
	"Nimbus Health", "Gangnam Fitness", "Riverside Clinics", "Polar Freight", "Maple Learning",
}

var vocSources = []string{"support", "interview", "survey", "sales", "social", "nps"}

var environments = []string{"production", "production", "production", "production", "production-kr"}

var actionTypes = []string{"prevent", "detect", "mitigate", "process"}

var externalLinks = []struct{ text, url string }{
	{"Kubernetes deployments", "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/"},
	{"Prometheus alerting rules", "https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/"},
	{"Semantic Versioning", "https://semver.org/"},
	{"Keep a Changelog", "https://keepachangelog.com/en/1.1.0/"},
	{"DORA research", "https://dora.dev/"},
	{"PostgreSQL documentation", "https://www.postgresql.org/docs/current/"},
	{"Go documentation", "https://go.dev/doc/"},
	{"Terraform language", "https://developer.hashicorp.com/terraform/language"},
	{"OpenTelemetry concepts", "https://opentelemetry.io/docs/concepts/"},
	{"Argo CD user guide", "https://argo-cd.readthedocs.io/en/stable/user-guide/"},
	{"Helm charts", "https://helm.sh/docs/topics/charts/"},
	{"Grafana dashboards", "https://grafana.com/docs/grafana/latest/dashboards/"},
	{"Kafka documentation", "https://kafka.apache.org/documentation/"},
	{"Redis documentation", "https://redis.io/docs/latest/"},
	{"GitHub Actions workflows", "https://docs.github.com/en/actions"},
	{"the incident review template", "https://wiki.example.com/sre/incident-review"},
	{"the status page", "https://status.example.com/"},
}

// handbookSections are the folders under content/handbook, each with
// the subfolders a page may go one level deeper into ("" = the section itself).
var handbookSections = []struct {
	dir  string
	subs []string
}{
	{"oncall", []string{"", "", "rotations", "escalation"}},
	{"runbooks", []string{"", "checkout", "payments", "data", "edge"}},
	{"onboarding", []string{"", ""}},
	{"architecture", []string{"", "decisions"}},
	{"security", []string{"", "reviews"}},
	{"release-process", []string{"", ""}},
	{"observability", []string{"", "dashboards"}},
	{"incident-response", []string{"", ""}},
}
