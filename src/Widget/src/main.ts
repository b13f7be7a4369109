import { ChatWidget } from "./widget";

/**
 * Entry point of widget.js. The embedding page adds one tag:
 *   <script src="https://HOST/widget.js" data-project-id="…" async></script>
 * optional: data-poll-interval (ms between polls for human replies while open, default 20000) and
 * data-api-base (default: the origin of the script's own src).
 */
const defaultPollInterval = 20_000;

function start(): void {
  const script = (document.currentScript as HTMLScriptElement | null)
    ?? document.querySelector<HTMLScriptElement>("script[data-project-id][src*='widget.js']");
  const projectId = script?.getAttribute("data-project-id");
  if (!script || !projectId) {
    console.error("CleanRag widget: add data-project-id to the widget's script tag.");
    return;
  }
  if (document.getElementById("cleanrag-widget")) return; // the tag was added twice
  const apiBase = (script.getAttribute("data-api-base") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  const poll = Number(script.getAttribute("data-poll-interval"));
  const widget = new ChatWidget({ projectId, apiBase, pollInterval: Number.isFinite(poll) && poll >= 100 ? poll : defaultPollInterval });
  // An async script may run before <body> exists.
  if (document.body) widget.mount();
  else document.addEventListener("DOMContentLoaded", () => widget.mount(), { once: true });
}

start();
