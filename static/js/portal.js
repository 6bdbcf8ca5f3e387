// Progressive enhancement for the shell. Every page works without this file.
"use strict";

document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  // Small screens: the sidebar folds behind a "Menu" button.
  const sidebar = document.querySelector("[data-sidebar]");
  if (sidebar) {
    const toggle = sidebar.querySelector("[data-sidebar-toggle]");
    const setOpen = (open) => {
      sidebar.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", String(open));
    };
    toggle.addEventListener("click", () => setOpen(!sidebar.classList.contains("is-open")));
    // Escape closes the folded menu and gives the focus back to its button.
    sidebar.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !sidebar.classList.contains("is-open")) return;
      if (getComputedStyle(toggle).display === "none") return; // wide screens: the menu never folds
      setOpen(false);
      toggle.focus();
    });
  }

  // eMAG access keys: Alt+1 content, Alt+2 menu, Alt+3 search, Alt+4 footer. The links carry
  // accesskey too (for pages without this file); here every browser gets the same keys and the
  // focus lands on the target itself.
  document.addEventListener("keydown", (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.code && event.code.startsWith("Digit") ? event.code.slice(5) : event.key;
    const link = document.querySelector(`[data-shortcut="${key}"]`);
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute("href");
    const target = href.startsWith("#") && document.getElementById(href.slice(1));
    if (!target) {
      window.location.assign(link.href);
      return;
    }
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
    target.focus();
    target.scrollIntoView({ block: "start" });
  });

  // After a failed step, the focus goes to the error summary, so it is read out first.
  if (document.body.hasAttribute("data-has-errors")) {
    const main = document.getElementById("conteudo");
    const summary = main && main.querySelector("#erros, [data-error-summary], .alert-danger, [aria-invalid='true']");
    if (summary) {
      if (!summary.matches("input, select, textarea")) summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  }

  // <details> menus: close on a click elsewhere or on Escape, like any menu.
  const menus = Array.from(document.querySelectorAll("details[data-menu]"));
  document.addEventListener("click", (event) => {
    for (const menu of menus) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const menu of menus) {
      if (!menu.open) continue;
      const hadFocus = menu.contains(document.activeElement);
      menu.open = false;
      if (hadFocus) menu.querySelector("summary").focus();
    }
  });

  // A link to one question (#pergunta-…) opens its answer, on arrival and on later clicks.
  const openTarget = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  };
  openTarget();
  window.addEventListener("hashchange", openTarget);

  // Ticket form, step 3: refresh "Estas respostas podem ajudar" while the subject is typed.
  const suggestions = document.querySelector("[data-suggestions]");
  const subject = document.querySelector("input[name='title']");
  if (suggestions && subject) {
    let timer;
    let controller;
    subject.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const query = subject.value.trim();
        if (query.length < 4) return;
        if (controller) controller.abort();
        controller = new AbortController();
        const url = `${suggestions.dataset.suggestions}?q=${encodeURIComponent(query)}`;
        try {
          const response = await fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } });
          if (response.ok) suggestions.innerHTML = await response.text();
        } catch (error) {
          if (error.name !== "AbortError") throw error;
        }
      }, 400);
    });
  }

  // Consulta: show only the fields of the chosen criterion (all stay visible without JS).
  const consult = document.querySelector("[data-consult-form]");
  if (consult) {
    const groups = Array.from(consult.querySelectorAll("[data-consult-show]"));
    const update = () => {
      const chosen = consult.querySelector("input[name='by']:checked");
      for (const group of groups) {
        group.hidden = Boolean(chosen) && !group.dataset.consultShow.split(" ").includes(chosen.value);
      }
    };
    consult.addEventListener("change", (event) => {
      if (event.target.name === "by") update();
    });
    update();
  }
});
