// Chaves de Acesso: "Copiar" buttons next to the consumer key and secret. Progressive enhancement:
// without this file the buttons stay hidden and the values are selected with one click (user-select: all).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) return;
  const status = document.querySelector("[data-copy-status]");
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        if (status) status.textContent = status.dataset.copiedText;
        button.textContent = status ? status.dataset.copiedText : label;
        setTimeout(() => { button.textContent = label; }, 2000);
      } catch {
        if (status) status.textContent = status.dataset.failedText;
      }
    });
  }
});
