/** The widget's styles, scoped by its shadow root so neither the page nor the widget restyles the other. */
export const styles = `
:host{all:initial;--cr-accent:#2563eb;--cr-gradient:var(--cr-accent);--cr-text:#111827;--cr-muted:#4b5563;--cr-bg:#fff;--cr-line:#e5e7eb;
position:fixed;z-index:2147483000;bottom:20px;right:20px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--cr-text)}
:host(.left){right:auto;left:20px}
*{box-sizing:border-box}
button,input,textarea{font:inherit;color:inherit}
:focus-visible{outline:3px solid var(--cr-accent);outline-offset:2px}
.bubble{width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;background:var(--cr-gradient);color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25);display:grid;place-items:center;transition:transform .15s}
.bubble:hover{transform:scale(1.06)}
.bubble svg{width:28px;height:28px;fill:currentColor}
.panel{position:absolute;bottom:70px;right:0;width:min(380px,calc(100vw - 40px));height:min(580px,calc(100vh - 110px));display:flex;flex-direction:column;
background:var(--cr-bg);border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden;animation:cr-in .18s ease-out}
:host(.left) .panel{right:auto;left:0}
.panel[hidden]{display:none}
@keyframes cr-in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
header{display:flex;align-items:center;gap:10px;padding:12px 14px;background:var(--cr-gradient);color:#fff}
header img{width:30px;height:30px;border-radius:50%;object-fit:cover}
header h2{flex:1;margin:0;font-size:16px;font-weight:600}
.icon{border:0;background:transparent;color:inherit;cursor:pointer;width:34px;height:34px;border-radius:8px;font-size:20px;line-height:1}
.icon:hover{background:rgba(255,255,255,.18)}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:#f9fafb}
.msg{max-width:88%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere;background:var(--cr-bg);border:1px solid var(--cr-line)}
.msg.user{align-self:flex-end;background:var(--cr-accent);border-color:transparent;color:#fff}
.msg.human{border-color:var(--cr-accent)}
.who{display:block;font-size:12px;font-weight:600;color:var(--cr-muted);margin-bottom:2px}
.msg.streaming .text::after{content:"▍";animation:cr-blink 1s steps(2) infinite}
@keyframes cr-blink{50%{opacity:0}}
.cites{margin:8px 0 0;padding:8px 0 0 18px;border-top:1px solid var(--cr-line);font-size:13px;white-space:normal}
.cites a{color:var(--cr-accent)}
.cites .excerpt{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;color:var(--cr-muted);font-size:12px}
.rate{display:flex;gap:6px;margin-top:6px}
.rate button{border:1px solid var(--cr-line);background:var(--cr-bg);border-radius:8px;cursor:pointer;padding:3px 8px;line-height:0;color:var(--cr-muted)}
.rate svg{width:16px;height:16px;fill:currentColor}
.rate button[aria-pressed=true]{background:var(--cr-accent);color:#fff;border-color:transparent}
.rate button:disabled{cursor:default}
.notice{margin:0;padding:8px 14px;font-size:13px;background:#fef3c7;color:#78350f;border-top:1px solid #fde68a}
.notice[hidden]{display:none}
.notice.error{background:#fee2e2;color:#7f1d1d;border-color:#fecaca}
form.ask{display:flex;gap:8px;padding:10px;border-top:1px solid var(--cr-line);background:var(--cr-bg)}
textarea,input{flex:1;resize:none;border:1px solid var(--cr-line);border-radius:10px;padding:8px 10px;min-height:40px;background:var(--cr-bg)}
.primary{border:0;border-radius:10px;padding:0 14px;min-height:40px;background:var(--cr-accent);color:#fff;cursor:pointer;font-weight:600}
.primary:disabled{opacity:.5;cursor:default}
.link{border:0;background:none;color:var(--cr-accent);cursor:pointer;text-decoration:underline;padding:4px 14px;font-size:13px;text-align:left}
.escalate{display:flex;flex-direction:column;gap:8px;padding:10px 14px;border-top:1px solid var(--cr-line);background:var(--cr-bg)}
.escalate[hidden]{display:none}
.escalate label{font-size:13px;font-weight:600;display:flex;flex-direction:column;gap:4px}
.escalate .row{display:flex;gap:8px;justify-content:flex-end}
.secondary{border:1px solid var(--cr-line);border-radius:10px;padding:0 14px;min-height:40px;background:var(--cr-bg);cursor:pointer}
.brand{margin:0;padding:4px;text-align:center;font-size:11px;color:var(--cr-muted);background:var(--cr-bg)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;
