// The validation page: sends the document to POST /validatie (nothing is stored) and shows the
// answer as a list next to the document; "Toon in het document" selects the spot it is about.
'use strict';

const $ = (id) => document.getElementById(id);
const SHACL = 'http://www.w3.org/ns/shacl#';
const TYPE_NAMES = { locatie: 'een locatie', aanvraag: 'een aanvraag', toewijzing: 'een toewijzing' };
const FORMAT_NAMES = { 'application/ld+json': 'JSON-LD', 'text/turtle': 'Turtle' };

/** The media type to send: the chosen one, or JSON-LD when the text starts like JSON, else Turtle. */
function mediaType(text) {
  const chosen = $('formaat').value;
  if (chosen !== 'auto') return chosen;
  const start = text.trimStart();
  return start.startsWith('{') || start.startsWith('[') ? 'application/ld+json' : 'text/turtle';
}

async function validate() {
  const text = $('tekst').value;
  const type = mediaType(text);
  setStatus('', 'Bezig met valideren als ' + FORMAT_NAMES[type] + '…');
  $('fout').hidden = true;
  $('problemen').replaceChildren();
  let response;
  try {
    response = await fetch('/validatie', { method: 'POST', headers: { 'Content-Type': type, 'Accept': 'application/json' }, body: text });
  } catch (e) {
    setStatus('onleesbaar', 'De hub is niet bereikbaar: ' + e.message);
    return;
  }
  let answer = null;
  try { answer = await response.json(); } catch (e) { /* not JSON: shown below by status code */ }
  if (!response.ok || !answer || typeof answer.conforms !== 'boolean') {
    showRefusal(response.status, answer, type);
  } else {
    showReport(answer, type);
  }
  $('resultaat').focus();
}

function showReport(answer, type) {
  const what = answer.documentType ? TYPE_NAMES[answer.documentType] || answer.documentType : 'een document';
  const read = ' (gelezen als ' + FORMAT_NAMES[type] + ')';
  if (answer.conforms) {
    setStatus('voldoet', 'Het document voldoet aan de vormen van ' + what + '.' + read + ' — The document conforms.');
    return;
  }
  const n = answer.problems.length;
  setStatus('voldoet-niet', 'Het document voldoet niet: ' + n + (n === 1 ? ' probleem' : ' problemen') + '.' + read
    + ' — The document does not conform: ' + n + (n === 1 ? ' problem.' : ' problems.'));
  const list = $('problemen');
  answer.problems.forEach((problem, i) => list.appendChild(problemItem(problem, i)));
}

function problemItem(p, i) {
  const li = document.createElement('li');
  li.className = 'probleem';
  li.id = 'probleem-' + (i + 1);
  if (p.focusNode) li.dataset.focus = p.focusNode;
  if (p.path) li.dataset.pad = p.path;
  if (p.shape) li.dataset.vorm = p.shape;
  if (p.constraint) li.dataset.beperking = p.constraint;
  const dl = document.createElement('dl');
  if (p.focusNode) row(dl, 'focus', 'Focusknoop', 'focus node', code(p.focusNode));
  if (p.path) row(dl, 'pad', 'Pad', 'path', p.field ? [code(p.field), ' (' + p.path + ')'] : [code(p.path)]);
  if (p.value !== undefined && p.value !== null) row(dl, 'waarde', 'Waarde', 'value', code(p.value));
  row(dl, 'melding-nl', 'Melding', null, p.message.nl, 'nl');
  row(dl, 'melding-en', 'Message', null, p.message.en, 'en');
  if (p.shape) row(dl, 'vorm', 'Vorm', 'shape', p.shape);
  if (p.constraint || p.severity) {
    const constraint = p.constraint ? p.constraint.replace(SHACL, 'sh:') : '';
    row(dl, 'beperking', 'Beperking', 'constraint', [constraint, constraint && p.severity ? ' · ' : '', p.severity || '']);
  }
  li.appendChild(dl);
  if (p.focusNode || p.path) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'toon';
    button.textContent = 'Toon in het document';
    button.setAttribute('aria-describedby', li.id + '-melding');
    button.addEventListener('click', () => show(locate($('tekst').value, p)));
    li.appendChild(button);
  }
  li.querySelector('.melding-nl').id = li.id + '-melding';
  return li;
}

function row(dl, cls, label, labelEn, content, lang) {
  const dt = document.createElement('dt');
  dt.textContent = label;
  if (labelEn) {
    const en = document.createElement('span');
    en.lang = 'en';
    en.className = 'en';
    en.textContent = ' ' + labelEn;
    dt.appendChild(en);
  }
  if (lang) dt.lang = lang;
  const dd = document.createElement('dd');
  dd.className = cls;
  if (lang) dd.lang = lang;
  for (const part of [].concat(content)) dd.append(part);
  dl.append(dt, dd);
}

function code(text) {
  const c = document.createElement('code');
  c.textContent = text;
  return c;
}

/** A problem+json refusal (unreadable JSON or Turtle, wrong media type, too big): title, detail, every message. */
function showRefusal(status, problem, type) {
  setStatus('onleesbaar', 'Het document kon niet gelezen worden (' + status + ').' + ' — The document could not be read.');
  const box = $('fout');
  box.replaceChildren();
  const h = document.createElement('h3');
  h.textContent = problem && problem.title ? problem.title : 'HTTP ' + status;
  box.appendChild(h);
  const messages = problem && Array.isArray(problem.problems) ? problem.problems : [];
  for (const m of messages) {
    const nl = document.createElement('p');
    nl.className = 'melding-nl';
    nl.textContent = m.message && m.message.nl;
    const en = document.createElement('p');
    en.className = 'melding-en';
    en.lang = 'en';
    en.textContent = m.message && m.message.en;
    box.append(nl, en);
    const line = lineOf(m.message && m.message.en);
    if (line) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'toon';
      button.textContent = 'Toon regel ' + line;
      button.addEventListener('click', () => show(lineRange($('tekst').value, line)));
      box.appendChild(button);
    }
  }
  if (problem && problem.type) {
    const p = document.createElement('p');
    p.append('Probleemtype: ', code(problem.type));
    box.appendChild(p);
  }
  box.hidden = false;
}

/** The line a parser named: Jackson's "(line 49, column 22)" or Jena's "[line: 3, col: 5 ]". */
function lineOf(message) {
  const m = /line:? (\d+)/.exec(message || '');
  return m ? Number(m[1]) : null;
}

function lineRange(text, line) {
  let start = 0;
  for (let i = 1; i < line && start >= 0; i++) start = text.indexOf('\n', start) + 1 || -1;
  if (start < 0) return null;
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/**
 * Where in the text a problem is: follow the focus node's field names (locatie.contactinfo.adres),
 * then the field, then the value, each after the one before; what is not found is skipped, so
 * Turtle (prefixed names) still lands on the property and its value.
 */
function locate(text, p) {
  let at = 0;
  let found = null;
  const seek = (needle, from) => needle ? text.indexOf(needle, from) : -1;
  const focus = p.focusNode || '';
  const steps = focus.includes('://') ? [focus] : focus.split('.').slice(1).map((name) => '"' + name + '"');
  for (const step of steps) {
    const i = seek(step, at);
    if (i >= 0) { at = i + step.length; found = [i, at]; }
  }
  const field = p.field || (p.path ? p.path.replace(/^\^/, '').split(/[#/]/).pop() : null);
  for (const name of field ? ['"' + field + '"', ':' + field, field] : []) {
    const i = seek(name, at);
    if (i >= 0) { at = i + name.length; found = [name.startsWith('"') ? i + 1 : i, at - (name.startsWith('"') ? 1 : 0)]; break; }
  }
  if (p.value !== undefined && p.value !== null) {
    const tail = String(p.value).split(/[#/]/).pop();
    for (const value of [String(p.value), tail]) {
      const i = value ? seek(value, at) : -1;
      if (i >= 0 && i - at < 400) { found = [i, i + value.length]; break; }
    }
  }
  return found;
}

/** Selects a range of the document text and scrolls it into view. */
function show(range) {
  const area = $('tekst');
  if (!range) { area.focus(); return; }
  area.focus();
  area.setSelectionRange(range[0], range[1]);
  const line = area.value.slice(0, range[0]).split('\n').length - 1;
  const height = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, line * height - area.clientHeight / 3);
}

function setStatus(cls, text) {
  const status = $('status');
  status.className = cls;
  status.textContent = text;
}

async function upload() {
  const file = $('bestand').files[0];
  if (!file) return;
  const name = file.name.toLowerCase();
  $('formaat').value = name.endsWith('.ttl') ? 'text/turtle'
    : name.endsWith('.jsonld') || name.endsWith('.json') ? 'application/ld+json' : 'auto';
  $('tekst').value = await file.text();
  await validate();
}

$('formulier').addEventListener('submit', (e) => { e.preventDefault(); validate(); });
$('bestand').addEventListener('change', upload);
document.body.dataset.klaar = 'ja';
