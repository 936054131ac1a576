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
