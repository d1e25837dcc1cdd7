/* The public site's only script, and an optional one: every page works without it.
   "Copy link" puts the story's address on the clipboard instead of opening it. */
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-copy-link]");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(() => {
    link.textContent = link.dataset.copied;
  });
});
