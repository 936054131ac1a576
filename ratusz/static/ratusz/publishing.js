// The composer: file inputs tell the live check the chosen file's name (the file itself is
// only uploaded on save), and "Use this link" puts the proposed BIP entry into the link field.
document.addEventListener("change", function (event) {
  const input = event.target;
  if (input.type !== "file" || !input.dataset.nameInto) { return; }
  const hidden = document.getElementById(input.dataset.nameInto);
  if (hidden) {
    hidden.value = input.files.length ? input.files[0].name : "";
    hidden.dispatchEvent(new Event("change", { bubbles: true }));
  }
});
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-use-link]");
  if (!button) { return; }
  const link = document.getElementById("id_link");
  if (link) {
    link.value = button.dataset.useLink;
    link.dispatchEvent(new Event("input", { bubbles: true }));
    link.focus();
  }
});

// The live check redraws the findings panel, with the reasons and ticks as they were sent.
// Whatever was typed or ticked while the check was on its way is put back after the redraw.
let kept = null;
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.target.id !== "checks") { return; }
  kept = {};
  event.detail.target.querySelectorAll("input[name^='override-'], input[name='ack']")
    .forEach(function (input) {
      kept[input.id] = input.type === "checkbox" ? input.checked : input.value;
    });
  const focused = document.activeElement;
  kept.__focus = focused && event.detail.target.contains(focused) ? focused.id : "";
});
document.addEventListener("htmx:afterSwap", function (event) {
  if (event.detail.target.id !== "checks" || !kept) { return; }
  Object.keys(kept).forEach(function (id) {
    const input = id !== "__focus" && document.getElementById(id);
    if (!input) { return; }
    if (input.type === "checkbox") { input.checked = kept[id]; } else { input.value = kept[id]; }
  });
  const focus = kept.__focus && document.getElementById(kept.__focus);
  if (focus) {
    focus.focus();
    if (typeof focus.setSelectionRange === "function") {
      focus.setSelectionRange(focus.value.length, focus.value.length);
    }
  }
  kept = null;
});
