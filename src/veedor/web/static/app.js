// Veedor's small enhancements. Every page works without this file.
"use strict";

function renderCharts() {
  if (typeof window.vegaEmbed !== "function") return;
  document.querySelectorAll(".vega[data-spec]").forEach(function (el) {
    var spec;
    try { spec = JSON.parse(el.getAttribute("data-spec")); } catch (e) { return; }
    if (!spec.data || !spec.data.values || spec.data.values.length === 0) return;
    window.vegaEmbed(el, spec, { actions: false, renderer: "svg" }).catch(function (err) {
      el.textContent = "";
      console.warn("chart not drawn:", err && err.message);
    });
  });
}

function uploadWithProgress() {
  var form = document.getElementById("upload-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var list = document.getElementById("upload-progress");
  var strings = document.getElementById("upload-strings").dataset;
  form.addEventListener("submit", function (event) {
    var input = form.querySelector("input[type=file]");
    if (!input.files.length) return;
    event.preventDefault();
    list.textContent = "";
    var csrf = form.querySelector("input[name=csrf]").value;
    var files = Array.prototype.slice.call(input.files);
    var suggestions = 0;
    var next = function (i) {
      if (i >= files.length) {
        input.value = "";
        if (suggestions > 0) {
          var p = document.createElement("p");
          var review = document.createElement("a");
          review.href = "/review";
          review.textContent = strings.review + " (" + suggestions + ")";
          p.appendChild(review);
          list.parentNode.insertBefore(p, list.nextSibling);
        }
        return;
      }
      var file = files[i];
      var li = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = file.name + " — " + strings.uploading + " ";
      var bar = document.createElement("progress");
      bar.max = 100; bar.value = 0;
      bar.setAttribute("aria-label", file.name);
      li.appendChild(label); li.appendChild(bar); list.appendChild(li);
      var data = new FormData();
      data.append("csrf", csrf);
      data.append("files", file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
      xhr.onload = function () {
        bar.value = 100;
        li.removeChild(bar);
        var result = null;
        try {
          var body = JSON.parse(xhr.responseText);
          result = body.results[0];
          suggestions += body.suggestions || 0;
        } catch (e) { result = null; }
        if (xhr.status >= 200 && xhr.status < 300 && result) {
          label.textContent = file.name + " — " + (result.status === "failed" ? strings.failed + ": " + (result.reason || "") : (result.status === "skipped" ? strings.skipped + (result.reason ? ": " + result.reason : "") : strings.done));
          li.className = "result-" + result.status;
          if (result.document_id) {
            var a = document.createElement("a");
            a.href = "/documents/" + result.document_id;
            a.textContent = " " + (result.title || strings.open);
            li.appendChild(a);
          }
        } else {
          var message = "";
          try { message = JSON.parse(xhr.responseText).error.message; } catch (e) { message = String(xhr.status); }
          label.textContent = file.name + " — " + strings.failed + ": " + message;
          li.className = "result-failed";
        }
        next(i + 1);
      };
      xhr.onerror = function () { label.textContent = file.name + " — " + strings.failed; next(i + 1); };
      xhr.send(data);
    };
    next(0);
  });
}

document.addEventListener("DOMContentLoaded", function () {
  renderCharts();
  uploadWithProgress();
});
