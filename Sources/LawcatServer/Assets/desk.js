// The desk: each scan (barcode, Enter) is posted at once and answered in the
// list above the box; scans made while one is being answered wait in a
// queue, in order, and are never dropped. A refusal is red and beeps
// (WebAudio: no sound file to fetch). Without this script the desk is an
// ordinary form that answers one scan a page.
(function () {
  "use strict";
  var form = document.getElementById("desk");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var box = document.getElementById("barcode");
  var list = document.getElementById("answers");
  var csrf = form.querySelector("input[name=csrf]").value;
  var queue = [];
  var busy = false;
  var audio = null;

  function beep() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      audio = audio || new Context();
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.type = "square";
      tone.frequency.value = 220;
      gain.gain.value = 0.15;
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.3);
    } catch (e) { /* no sound: the colour still says it */ }
  }

  function span(name, text) {
    var s = document.createElement("span");
    s.className = name;
    s.textContent = text;
    return s;
  }

  function pending(barcode) {
    var li = document.createElement("li");
    li.className = "pending";
    li.appendChild(span("barcode", barcode));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(span("what", "recording…"));
    list.insertBefore(li, list.firstChild);
    return li;
  }

  function show(li, answer) {
    li.textContent = "";
    li.className = answer.refused ? "refused" : "done";
    li.appendChild(span("barcode", answer.barcode));
    if (answer.title) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(span("title", answer.title));
    }
    li.appendChild(document.createTextNode(" "));
    var what = span("what", "");
    if (answer.refused) {
      var strong = document.createElement("strong");
      strong.textContent = "Refused: ";
      what.appendChild(strong);
      li.setAttribute("role", "alert");
      beep();
    }
    what.appendChild(document.createTextNode(answer.message));
    li.appendChild(what);
    if (!answer.refused && answer.event) {
      // The Undo names the event this line recorded: pressed after anything else has happened
      // to the copy (or pressed twice), the server refuses it rather than undo something else.
      var undo = document.createElement("button");
      undo.type = "button";
      undo.className = "undo";
      undo.value = String(answer.event);
      undo.dataset.barcode = answer.barcode;
      undo.textContent = "Undo";
      li.appendChild(document.createTextNode(" "));
      li.appendChild(undo);
    }
  }

  function next() {
    if (busy || queue.length === 0) return;
    busy = true;
    var item = queue.shift();
    fetch("/desk", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
      body: new URLSearchParams(item.fields)
    })
      .then(function (r) {
        var type = r.headers.get("Content-Type") || "";
        if (r.redirected || type.indexOf("application/json") === -1) {
          // Sent to sign in, or refused as a page: the sign-in has ended or the page is old.
          return {
            refused: true, barcode: item.fields.barcode,
            message: "not recorded: sign in again (reload this page), then scan it again"
          };
        }
        return r.json();
      })
      .catch(function () {
        return { refused: true, barcode: item.fields.barcode, message: "the server did not answer; scan it again" };
      })
      .then(function (answer) {
        show(item.li, answer);
        busy = false;
        next();
      });
  }

  function enqueue(fields) {
    fields.csrf = csrf;
    queue.push({ fields: fields, li: pending(fields.barcode) });
    next();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var barcode = box.value.trim();
    box.value = "";
    box.focus();
    if (!barcode) return;
    var action = form.querySelector("input[name=action]:checked");
    var newPerson = form.querySelector("input[name=new_person]");
    var newLocation = form.querySelector("input[name=new_location]");
    var fields = {
      barcode: barcode,
      action: action ? action.value : "checkout",
      borrower: document.getElementById("borrower").value,
      days: document.getElementById("days").value,
      location: document.getElementById("location").value
    };
    if (newPerson && newPerson.checked) fields.new_person = "yes";
    if (newLocation && newLocation.checked) fields.new_location = "yes";
    enqueue(fields);
  });

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button.undo");
    if (!button) return;
    event.preventDefault();
    button.disabled = true;
    enqueue({ barcode: button.dataset.barcode, event: button.value, action: "undo" });
    box.focus();
  });

  // The focus goes back to the barcode box after choosing what a scan does.
  form.querySelectorAll("input[name=action]").forEach(function (radio) {
    radio.addEventListener("change", function () { box.focus(); });
  });
  box.focus();
})();
