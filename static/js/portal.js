// Progressive enhancement for the shell. Every page works without this file.
"use strict";

document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  // Small screens: the sidebar folds behind a "Menu" button.
  const sidebar = document.querySelector("[data-sidebar]");
  if (sidebar) {
    const toggle = sidebar.querySelector("[data-sidebar-toggle]");
    toggle.addEventListener("click", () => {
      const open = sidebar.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", String(open));
    });
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
