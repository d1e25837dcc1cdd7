/* The newsletter digest's "Copy HTML" and "Copy text" buttons (admin).
   Each button names the textarea holding what it copies (data-digest-copy). "Copy HTML" puts
   the digest on the clipboard both as HTML (pasted into a newsletter's visual editor, it keeps
   its layout) and as its source (pasted into an HTML field). Without the Clipboard API (an
   older browser, a page not served over HTTPS) the textarea is selected and copied the old
   way; if that fails too, it stays selected for the person to copy. */
(() => {
  const status = document.querySelector("[data-digest-status]");

  function say(message) {
    if (status) status.textContent = message;
  }

  function copyBySelecting(textarea) {
    textarea.focus();
    textarea.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copyWithClipboardApi(value, asHtml) {
    const clipboard = navigator.clipboard;
    if (!clipboard || !window.isSecureContext) return Promise.reject(new Error("no clipboard"));
    if (asHtml && window.ClipboardItem && clipboard.write) {
      const item = new ClipboardItem({
        "text/html": new Blob([value], { type: "text/html" }),
        "text/plain": new Blob([value], { type: "text/plain" }),
      });
      return clipboard.write([item]).catch(() => clipboard.writeText(value));
    }
    return clipboard.writeText(value);
  }

  document.querySelectorAll("[data-digest-copy]").forEach((button) => {
    const textarea = document.getElementById(button.dataset.digestCopy);
    if (!textarea) return;
    button.addEventListener("click", () => {
      const asHtml = button.dataset.digestCopyAs === "html";
      copyWithClipboardApi(textarea.value, asHtml)
        .then(() => say(button.dataset.digestCopied))
        .catch(() => {
          say(copyBySelecting(textarea) ? button.dataset.digestCopied : button.dataset.digestFailed);
        });
    });
  });
})();
