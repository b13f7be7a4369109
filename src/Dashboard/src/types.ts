// The API's shapes the dashboard reads (a subset of the OpenAPI document at /openapi/v1.json, same names).

export type CompanyRole = "member" | "admin" | "owner";

export interface CurrentUser { userId: string; email: string; name: string; companyId: string | null; role: CompanyRole | null }
export interface AuthResult { userId: string; accessToken: string; expiresAt: string; refreshToken: string }
export interface WorkspaceSettings { allowedOrigins: string[]; systemPrompt: string | null; dataRetentionDays: number }
export interface Company { id: string; name: string; settings: WorkspaceSettings; createdAt: string; memberCount: number; version: number }
export interface TeamMember { id: string; email: string; name: string | null; role: CompanyRole; status: string; inviteExpiresAt: string | null }
export interface InviteResult { inviteId: string; email: string; role: CompanyRole; expiresAt: string }
export interface AcceptedInvite { companyId: string; companyName: string; role: CompanyRole }

export type ProjectStatus = "draft" | "indexing" | "live" | "archived";
export interface RetrievalSettings { topK: number; lexicalWeight: number | null; minimumRelevance: number }
export interface ProjectSettings {
  allowedOrigins: string[]; systemPrompt: string | null; model: string | null; questionMaxLength: number;
  retrieval: RetrievalSettings; widgetEnabled?: boolean;
}
export interface Project {
  id: string; name: string; description: string | null; status: ProjectStatus; settings: ProjectSettings;
  createdAt: string; version: number; deployedAt: string | null; liveSince: string | null;
}

export type DocumentStatus = "pending_upload" | "uploaded" | "queued" | "processing" | "indexed" | "failed" | "deleted";
export interface DocumentVersion { version: number; fileName: string; sizeBytes: number; contentHash: string; uploadedAt: string }
export interface KnowledgeDocument {
  id: string; fileName: string; contentType: string; status: DocumentStatus; sizeBytes: number; pageCount: number | null;
  chunkCount: number; version: number; error: { code: string; reason: string } | null; updatedAt: string;
}
export interface PreviewUrl { url: string; expiresAt: string }
export interface UploadUrl { uploadUrl: string; method: string; version: number }
export interface SyncResult { queuedCount: number; message: string }

export interface DeployBlocker { code: string; message: string; preventsDeploy: boolean }
export interface DeployReadiness {
  ready: boolean; status: ProjectStatus; blockers: DeployBlocker[]; canDeploy?: boolean;
  checks: { documents: number; indexed: number; inProgress: number; failed: number; pendingUploads: number; allowedOrigins: number; widgetEnabled: boolean; activeLiveKey: boolean };
}
export interface ApiKey {
  id: string; name: string; environment: "live" | "test"; prefix: string; status: "active" | "revoked"; createdAt: string;
  lastUsedAt: string | null; revokedAt: string | null;
}
export interface IssuedApiKey extends ApiKey { key: string }
export interface Deployment { status: ProjectStatus; key: IssuedApiKey; revokedKeys: number; queuedDocuments: number }
export interface Integration { chatEndpoint: string; authenticationHeader: string; curlExample: string }

export interface OpeningRange { day: string; open: string; close: string }
export interface WidgetConfig {
  displayName: string; color: string; gradientStops: string[]; position: string; welcome: string; avatar: string | null;
  showBranding: boolean; customCss: string | null; version: number;
  officeHours: { enabled: boolean; timeZone: string; weekly: OpeningRange[]; closedMessage: string };
}
export interface PreviewLink { url: string; expiresAt: string }

export type Handling = "bot" | "escalated" | "human" | "resolved";
export interface InboxItem {
  id: string; projectId: string; channel: string; isTest: boolean; lastMessageAt: string; messageCount: number; lastQuestion: string | null;
  handling: Handling; reviewStatus: string; rating: number | null; outcomes: string[]; negativeFeedbackCount: number; humanReplyCount: number;
}
export interface InboxPage { items: InboxItem[]; nextCursor: string | null }
export interface CitedSource { number: number; title: string; excerpt: string; pageNumber: number | null }
export interface InboxMessage {
  id: string; role: string; content: string; at: string; outcome?: string | null; sources?: CitedSource[] | null;
  confidence?: number | null; feedback?: { helpful: boolean; comment: string | null } | null; authorName?: string | null;
}
export interface InboxConversation {
  id: string; projectId: string; visitorId: string; channel: string; pageUrl: string | null; startedAt: string; handling: Handling;
  reviewStatus: string; rating: number | null; notes: string | null; messages: InboxMessage[]; version: number;
}
export interface Lead {
  id: string; projectId: string; conversationId: string | null; source: string; status: string; name: string | null; email: string | null;
  phone: string | null; message: string | null; createdAt: string;
}
export interface LeadPage { items: Lead[]; hasMore: boolean }

export interface AnalyticsKpis {
  conversations: number; messages: number; answered: number; unanswered: number; refused: number; answeredRate: number | null;
  positiveFeedback: number; negativeFeedback: number; escalations: number; leads: number; latencyP50Ms: number | null;
}
export interface AnalyticsDay { date: string; conversations: number; messages: number; answered: number; unanswered: number }
export interface TopQuestion { question: string; asked: number; unanswered: number; negativeFeedback: number }
export interface AnalyticsSummary { from: string; to: string; totals: AnalyticsKpis; topQuestions: TopQuestion[]; topUnanswered: TopQuestion[]; daily: AnalyticsDay[] }
export interface KnowledgeGap { id: string; suggestion: string; question: string; examples: string[]; asked: number; unanswered: number; impact: number; status: string }
export interface KnowledgeGapList { items: KnowledgeGap[] }

export interface TestPrompt {
  id: string; question: string; expectedDocument: string | null; expectedPage: number | null; mustContain: string[]; mustRefuse: boolean;
}
export interface SuggestedTestPrompt { question: string; expectedDocumentId: string; expectedDocument: string; expectedPage: number | null; mustContain: string[] }
export interface TestRunSummary {
  id: string; status: "queued" | "running" | "completed" | "failed"; promptCount: number; evaluated: number; passed: number; failed: number;
  failureReason: string | null; startedAt: string;
}
export interface TestPromptResult { index: number; question: string; answer: string; outcome: string; passed: boolean; reasons: string[] }
export interface PromptComparison { index: number; question: string; change: string }
export interface TestRun extends TestRunSummary {
  results: TestPromptResult[];
  comparison: { regressed: number; fixed: number; unchanged: number; new: number; prompts: PromptComparison[] } | null;
}

export interface Webhook { id: string; url: string; events: string[]; active: boolean; disabledReason: string | null; secret: string | null; createdAt: string }
export interface WebhookDelivery {
  id: string; eventType: string; status: "pending" | "delivered" | "failed"; attempts: number; lastStatusCode: number | null;
  lastError: string | null; createdAt: string;
}

export interface StoredEvent { id: string; version: number; type: string; timestamp: string; actorId: string | null; data: unknown }
export interface AggregateHistory { streamId: string; version: number; state: unknown; events: StoredEvent[] }
