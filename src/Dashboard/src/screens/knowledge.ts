import { ApiError, get, post, refreshSession, remove, uploadFile } from "../api";
import { route } from "../app";
import { el, formatBytes, formatDate } from "../dom";
import type { DocumentVersion, KnowledgeDocument, PreviewUrl, SyncResult, UploadUrl } from "../types";
import { actionButton, badge, emptyState, Feedback, page, table } from "../ui";

/** Statuses the pipeline moves on by itself (an uploaded file waits for a sync or a deploy). */
/** Asks the owner for one file (undefined when they cancel). */
function pickFile(): Promise<File | undefined> {
  return new Promise((resolve) => {
    const picker = el("input", { type: "file" });
    picker.addEventListener("change", () => resolve(picker.files?.[0]));
    picker.addEventListener("cancel", () => resolve(undefined));
    picker.click();
  });
}

const inProgress = new Set(["queued", "processing"]);
const pollMilliseconds = 1500;

route("/app/projects/:projectId/knowledge", async (context) => {
  const base = `/v1/projects/${context.project.id}/documents`;
  const feedback = new Feedback();
  const listSlot = el("div", { class: "documents" });
  const uploads = el("ul", { class: "uploads", "aria-label": "Uploads" });
  let pollTimer: number | undefined;

  const versions = async (document: KnowledgeDocument, slot: HTMLElement) => {
    const list = await get<DocumentVersion[]>(`${base}/${document.id}/versions`);
    slot.replaceChildren(el("ul", {}, ...list.map((version) =>
      el("li", {}, `Version ${version.version}: ${version.fileName}, ${formatBytes(version.sizeBytes)}, uploaded ${formatDate(version.uploadedAt)}`))));
  };

  const row = (document: KnowledgeDocument) => {
    const details = el("div", { class: "versions" });
    const status = el("span", {}, badge(document.status),
      document.status === "failed" && document.error ? el("span", { class: "reason" }, ` ${document.error.reason}`) : null);
    return [
      el("span", { class: "file-name" }, document.fileName),
      status,
      `${formatBytes(document.sizeBytes)}${document.pageCount ? ` · ${document.pageCount} pages` : ""} · ${document.chunkCount} chunks`,
      `v${document.version}`,
      el("div", { class: "row-actions" },
        actionButton("Preview", async () => {
          const preview = await get<PreviewUrl>(`${base}/${document.id}/preview-url`);
          details.replaceChildren(el("a", { href: preview.url, target: "_blank", rel: "noopener" }, `Open ${document.fileName}`),
            ` (link valid until ${formatDate(preview.expiresAt)})`);
        }, feedback, { "aria-label": `Preview ${document.fileName}` }),
        actionButton("Versions", () => versions(document, details), feedback, { "aria-label": `Versions of ${document.fileName}` }),
        actionButton("New version", async () => {
          const file = await pickFile();
          if (file) await replace(document, file);
        }, feedback, { "aria-label": `New version of ${document.fileName}` }),
        actionButton("Delete", async () => {
          if (!confirm(`Delete ${document.fileName}? It will no longer be used in answers.`)) return;
          await remove(`${base}/${document.id}`);
          await refresh();
        }, feedback, { class: "danger", "aria-label": `Delete ${document.fileName}` }),
        details),
    ];
  };

  const refresh = async () => {
    const documents = (await get<KnowledgeDocument[]>(base)).filter((document) => document.status !== "deleted");
    listSlot.replaceChildren(documents.length === 0
      ? emptyState("No documents yet. Drop PDF, Word, Markdown, HTML or text files above.")
      : table("Documents", ["File", "Status", "Size", "Version", ""], documents.map(row)));
    if (documents.some((document) => inProgress.has(document.status))) schedulePoll();
    return documents;
  };

  // Polls while any document is on its way to indexed or failed; stops when none is, or the owner left the screen.
  const schedulePoll = () => {
    if (pollTimer !== undefined) return;
    pollTimer = window.setTimeout(async () => {
      pollTimer = undefined;
      if (!context.alive()) return;
      try {
        await refresh();
      } catch (error) {
        feedback.error(error);
        schedulePoll();
      }
    }, pollMilliseconds);
  };

  /** Sends a file with a progress bar in the list of uploads; true when it arrived. */
  const upload = async (file: File, send: (progress: (fraction: number) => void) => Promise<unknown>) => {
    const bar = el("progress", { max: "100", value: "0", "aria-label": `Upload of ${file.name}` });
    const state = el("span", { class: "upload-state" }, "uploading");
    uploads.append(el("li", {}, el("span", { class: "file-name" }, file.name), bar, state));
    const progress = (fraction: number) => (bar.value = Math.round(fraction * 100));
    try {
      await send(progress).catch(async (error: unknown) => {
        if (error instanceof ApiError && error.body.status === 401 && (await refreshSession())) return send(progress);
        throw error;
      });
      bar.value = 100;
      state.textContent = "uploaded";
      return true;
    } catch (error) {
      state.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
      state.classList.add("error-text");
      return false;
    }
  };

  const uploadAll = async (files: FileList | File[]) => {
    await Promise.all(Array.from(files).map((file) => upload(file, (progress) => uploadFile("POST", base, file, progress))));
    await refresh();
  };

  /** A new version of a document: a signed upload URL for it, the bytes, then the confirmation (sync indexes it). */
  const replace = async (document: KnowledgeDocument, file: File) => {
    const target = await post<UploadUrl>(`${base}/${document.id}/replace-url`, { filename: file.name });
    if (await upload(file, (progress) => uploadFile("PUT", target.uploadUrl, file, progress)))
      await post(`${base}/${document.id}/confirm`);
    await refresh();
  };

  const picker = el("input", { type: "file", multiple: true, id: "knowledge-files", class: "visually-hidden" });
  picker.addEventListener("change", () => {
    if (picker.files?.length) void uploadAll(picker.files).then(() => (picker.value = ""));
  });
  const dropZone = el("div", { class: "drop-zone" },
    el("p", {}, "Drag and drop files here, or "),
    el("label", { for: "knowledge-files", class: "button" }, "Choose files"),
    picker);
  dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    dropZone.classList.add("dragging");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("dragging");
    if (event.dataTransfer?.files.length) void uploadAll(event.dataTransfer.files);
  });

  await refresh();
  return page(`Knowledge · ${context.project.name}`,
    dropZone,
    uploads,
    el("div", { class: "toolbar" },
      actionButton("Sync (index uploaded files)", async () => {
        const result = await post<SyncResult>(`${base}/sync`);
        feedback.success(result.message);
        await refresh();
      }, feedback),
      actionButton("Refresh", refresh, feedback)),
    feedback.element,
    el("h2", {}, "Documents"),
    el("p", { class: "hint" }, "Uploaded files are indexed when you sync (or deploy). Statuses then update by themselves: " +
      "queued → processing → indexed (or failed, with the reason)."),
    listSlot);
});
