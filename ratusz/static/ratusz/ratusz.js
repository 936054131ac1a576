// Keyboard shortcuts for the inbox: j/k move between conversations, r focuses the reply box,
// "/" focuses the search field. Ignored while typing in a field.
document.addEventListener("keydown", function (event) {
  const tag = (event.target.tagName || "").toLowerCase();
  if (["input", "textarea", "select"].includes(tag) || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const links = Array.from(document.querySelectorAll("[data-conv-link]"));
  const index = links.indexOf(document.activeElement);
  if (event.key === "j" && links.length) {
    links[Math.min(index + 1, links.length - 1)].focus();
    event.preventDefault();
  } else if (event.key === "k" && links.length) {
    links[Math.max(index - 1, 0)].focus();
    event.preventDefault();
  } else if (event.key === "/") {
    const search = document.getElementById("id_q");
    if (search) { search.focus(); event.preventDefault(); }
  } else if (event.key === "r") {
    const reply = document.getElementById("id_text");
    if (reply) { reply.focus(); event.preventDefault(); }
  }
});

// A form marked data-once disables its buttons when submitted, so a double click sends once
// (the server also refuses a repeated submission token).
document.addEventListener("submit", function (event) {
  const form = event.target;
  if (!form.hasAttribute("data-once")) { return; }
  if (form.dataset.sent) { event.preventDefault(); return; }
  form.dataset.sent = "1";
  // A disabled button is left out of the form's data, so the clicked one's name and value
  // (e.g. "save" or "submit") travel in a hidden field instead.
  const submitter = event.submitter;
  if (submitter && submitter.name) {
    const carried = document.createElement("input");
    carried.type = "hidden";
    carried.name = submitter.name;
    carried.value = submitter.value;
    form.appendChild(carried);
  }
  form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
});

// A form marked data-confirm asks before it is sent (withdrawing or publishing a post).
document.addEventListener("submit", function (event) {
  const form = event.target;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
