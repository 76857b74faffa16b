package corpus

// Paired phrases build titles that exist in both languages, so that a page
// written in Korean still gets a readable ASCII slug from its English twin.

// storyAction is what a story does: an English verb, the Korean noun form
// for titles (내보내기) and the Korean stem for wishes (내보내 + 고 싶다).
type storyAction struct{ en, koNoun, koStem string }

type pair struct{ en, ko string }

var storyActions = []storyAction{
	{"Export", "내보내기", "내보내"},
	{"Show", "표시", "보여 주"},
	{"Filter", "필터링", "필터링하"},
	{"Automate", "자동화", "자동화하"},
	{"Alert on", "알림 추가", "알림으로 받"},
	{"Audit", "감사 기록", "감사하"},
	{"Speed up", "속도 개선", "빠르게 하"},
	{"Retry", "재시도", "재시도하"},
	{"Schedule", "예약", "예약하"},
	{"Search", "검색", "검색하"},
	{"Simplify", "단순화", "단순하게 만들"},
	{"Validate", "검증", "검증하"},
	{"Archive", "보관", "보관하"},
	{"Notify about", "알림 발송", "알림으로 받"},
	{"Compare", "비교", "비교하"},
}

var storyObjects = []pair{
	{"the deploy history", "배포 이력"},
	{"failed webhooks", "실패한 웹훅"},
	{"settlement reports", "정산 보고서"},
	{"refund requests", "환불 요청"},
	{"release notes", "릴리스 노트"},
	{"on-call handovers", "온콜 인수인계"},
	{"invoice PDFs", "청구서 PDF"},
	{"API keys", "API 키"},
	{"slow queries", "느린 쿼리"},
	{"login sessions", "로그인 세션"},
	{"merchant payouts", "가맹점 지급"},
	{"feature flags", "기능 플래그"},
	{"audit logs", "감사 로그"},
	{"error budgets", "에러 버짓"},
	{"customer exports", "고객 데이터 내보내기"},
	{"payment retries", "결제 재시도"},
	{"dashboard panels", "대시보드 패널"},
	{"rate limit errors", "레이트 리밋 오류"},
	{"backup jobs", "백업 작업"},
	{"TLS certificates", "TLS 인증서"},
}

var storyQualifiers = []pair{
	{"", ""}, {"", ""}, {"", ""},
	{"as CSV", "CSV로"},
	{"by service", "서비스별로"},
	{"for on-call engineers", "온콜 엔지니어를 위해"},
	{"in the admin console", "관리자 콘솔에서"},
	{"per merchant", "가맹점별로"},
	{"every night", "매일 밤"},
	{"in the mobile app", "모바일 앱에서"},
	{"with one click", "한 번의 클릭으로"},
}

var pmSymptoms = []pair{
	{"Elevated 5xx errors", "5xx 오류 증가"},
	{"Checkout latency spike", "결제 지연 시간 급증"},
	{"Delayed settlement reports", "정산 보고서 지연"},
	{"Login failures", "로그인 실패"},
	{"Webhook backlog", "웹훅 적체"},
	{"Payment timeouts", "결제 타임아웃"},
	{"Partial outage", "부분 장애"},
	{"Expired certificate", "인증서 만료"},
	{"Queue consumer stall", "큐 컨슈머 정지"},
	{"Database connection exhaustion", "데이터베이스 커넥션 고갈"},
	{"Search results missing", "검색 결과 누락"},
	{"Duplicate notifications", "중복 알림 발송"},
	{"Stale cache after deploy", "배포 후 캐시 불일치"},
	{"DNS resolution failures", "DNS 조회 실패"},
}
