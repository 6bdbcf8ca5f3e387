/* Accessibility fixes for Swagger UI on /api/v1/docs. It renders its parts after load, so the DOM is
   watched: buttons made of an icon get a name, parameter selects take their parameter's name, and
   the authorization dialog's inputs keep the name of their visible label (Swagger UI overrides it
   with an internal id such as "auth-bearer-value"). */
(function () {
  "use strict";
  var labels = document.body.dataset;
  function name(selector, text) {
    document.querySelectorAll(selector).forEach(function (element) {
      element.setAttribute("aria-label", text);
    });
  }
  function fix() {
    name(".swagger-ui .close-modal:not([aria-label])", labels.closeLabel);
    name(".swagger-ui .copy-to-clipboard > button:not([aria-label])", labels.copyLabel);
    document.querySelectorAll(".swagger-ui .parameters select:not([aria-label])").forEach(function (select) {
      var row = select.closest("tr");
      var parameter = row && row.querySelector(".parameter__name");
      if (parameter) {
        select.setAttribute("aria-label", parameter.firstChild.textContent.trim());
      }
    });
    document.querySelectorAll('.swagger-ui .auth-container input[aria-label^="auth-"]').forEach(function (input) {
      input.removeAttribute("aria-label");
    });
  }
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
})();
