/* Placeholder for the CleanRag chat widget bundle: the widget-ui branch supplies the real file at this path. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  window.CleanRagWidget = { projectId: script.getAttribute("data-project-id") };
})();
