/* Autocomplete for the search box, and an optional one: without it the form still searches.
   As the reader types, the titles and heroes' names of their language that start like the
   words typed are offered in the input's <datalist> (from /api/v3/search/suggestions/). */
(() => {
  const input = document.querySelector("[data-autocomplete-url]");
  const list = input && document.getElementById(input.getAttribute("list"));
  if (!input || !list || !window.fetch) return;
  let timer = null;
  let controller = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) return;
    timer = setTimeout(() => {
      if (controller) controller.abort();
      controller = new AbortController();
      const url = new URL(input.dataset.autocompleteUrl, window.location.href);
      url.searchParams.set("q", query);
      url.searchParams.set("locale", input.dataset.locale);
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { suggestions: [] }))
        .then((data) => {
          list.replaceChildren(
            ...data.suggestions.map((suggestion) => {
              const option = document.createElement("option");
              option.value = suggestion;
              return option;
            }),
          );
        })
        .catch(() => {});
    }, 200);
  });
})();
