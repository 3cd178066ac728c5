// vnplan serve: the upload page's drag and drop, uploads one file per request, and the live
// progress list (polled every second). No inline script anywhere: the CSP allows only this file.
"use strict";
(function () {
  const list = document.getElementById("jobs");
  if (!list) return;
  const form = document.getElementById("upload-form");
  const drop = document.getElementById("drop");
  const refused = document.getElementById("refused");
  const lang = document.body.dataset.lang;
  const withLang = (url) => (lang && lang !== "vi" ? url + (url.includes("?") ? "&" : "?") + "lang=" + lang : url);

  function line(cls, name, status, reason) {
    const li = document.createElement("li");
    li.className = "job " + cls;
    for (const [k, v] of [["name", name], ["status", status], ["reason", reason]]) {
      if (!v) continue;
      const span = document.createElement("span");
      span.className = k;
      span.textContent = v;
      li.appendChild(span);
    }
    return li;
  }

  async function send(file) {
    const body = new FormData();
    body.append("files", file, file.webkitRelativePath || file.name);  // a folder's files keep their place in it
    try {
      const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json" } });
      const answer = await response.json();
      for (const r of answer.refused || []) refused.appendChild(line("s-refused", r.name || file.name, "✗", r.reason));
    } catch (e) {
      refused.appendChild(line("s-refused", file.name, "✗", String(e)));
    }
    poll();
  }

  async function sendAll(files) {
    for (const f of files) await send(f);
  }

  function readEntry(entry, out) {
    // A dropped folder: walk it (readEntries returns at most 100 entries a call).
    return new Promise((resolve) => {
      if (entry.isFile) { entry.file((f) => { out.push(f); resolve(); }, () => resolve()); return; }
      if (!entry.isDirectory) { resolve(); return; }
      const reader = entry.createReader();
      const more = () => reader.readEntries(async (entries) => {
        if (!entries.length) { resolve(); return; }
        for (const e of entries) await readEntry(e, out);
        more();
      }, () => resolve());
      more();
    });
  }

  for (const input of form.querySelectorAll("input[type=file]")) {
    input.addEventListener("change", () => { sendAll(Array.from(input.files)); input.value = ""; });
  }
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const files = [];
    const entries = Array.from(e.dataTransfer.items || []).map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    if (entries.length) { for (const entry of entries) await readEntry(entry, files); }
    else files.push(...Array.from(e.dataTransfer.files));
    sendAll(files);
  });

  function render(jobs) {
    list.replaceChildren();
    for (const job of jobs) {
      const li = line("s-" + job.status, job.filename, job.status_text, job.reason);
      li.dataset.id = job.id;
      li.dataset.status = job.status;
      for (const extra of [job.outcome_text, job.warnings_text]) {
        if (!extra) continue;
        const span = document.createElement("span");
        span.textContent = extra;
        li.insertBefore(span, li.querySelector(".reason"));
      }
      if (job.document_id) {
        const a = document.createElement("a");
        a.href = withLang(list.dataset.document + job.document_id);
        a.textContent = "→";
        li.appendChild(a);
      }
      list.appendChild(li);
    }
  }

  let timer = null;
  async function poll() {
    try {
      const response = await fetch(list.dataset.source, { headers: { Accept: "application/json" } });
      const answer = await response.json();
      render(answer.jobs);
      clearTimeout(timer);
      timer = setTimeout(poll, answer.waiting ? 1000 : 3000);
    } catch (e) {
      timer = setTimeout(poll, 3000);
    }
  }
  poll();
})();
