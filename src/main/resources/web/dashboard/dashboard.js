// The dashboard: fetches the report endpoints with the user's API key and shows each report as
// a chart (Chart.js, served from the hub's jar) and as a table with the same figures.
'use strict';

const MEASURES = [
  ['uniekeAanvragen', 'Unieke aanvragen'],
  ['onbeantwoord', 'Onbeantwoord'],
  ['beantwoord', 'Beantwoord'],
  ['gedeeltelijkBeantwoord', 'Gedeeltelijk beantwoord'],
  ['geannuleerd', 'Geannuleerd of ingetrokken'],
  ['lopend', 'Lopend'],
  ['aanvragen', 'Aanvragen (per aanvraag)'],
  ['aanvragenOnbeantwoord', 'Onbeantwoorde aanvragen (per aanvraag)'],
  ['mediaanDagenTotEersteAntwoord', 'Mediaan dagen tot eerste antwoord'],
];
const charts = {};
const $ = (id) => document.getElementById(id);

// A null figure is either suppressed (small count, listed in the row's 'onderdrukt') or has no value (no answers: no median).
function show(row, measure) {
  if (row[measure] !== null && row[measure] !== undefined) return String(row[measure]);
  return (row.onderdrukt || []).includes(measure) ? 'onderdrukt' : '–';
}

function params(report) {
  const p = new URLSearchParams();
  p.set('periode', $('periode').value);
  if ($('gemeente').value) p.set('gemeente', $('gemeente').value);
  if ($('llko').value) p.set('llko', $('llko').value);
  if ($('peildatum').value) p.set('peildatum', $('peildatum').value);
  return '/rapporten/' + report + '?' + p.toString();
}

async function fetchReport(report, accept) {
  const response = await fetch(params(report), { headers: { 'X-API-Key': $('sleutel').value, 'Accept': accept || 'application/json' } });
  if (!response.ok) {
    let detail = response.status + '';
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return accept ? response.blob() : response.json();
}

function table(id, caption, report, dimensions) {
  const el = $(id);
  el.replaceChildren();
  const cap = el.createCaption();
  cap.textContent = caption;
  const head = el.createTHead().insertRow();
  for (const [, label] of dimensions) head.appendChild(th(label, 'col'));
  for (const [, label] of MEASURES) head.appendChild(th(label, 'col'));
  const body = el.createTBody();
  for (const row of report.rijen) {
    const tr = body.insertRow();
    tr.dataset.sleutel = dimensions.map(([d]) => row[d]).join('|');
    dimensions.forEach(([d], i) => {
      const cell = i === 0 ? th(row[d + 'Label'] || row[d], 'row') : document.createElement('td');
      if (i > 0) cell.textContent = row[d + 'Label'] || row[d];
      tr.appendChild(cell);
    });
    for (const [m] of MEASURES) {
      const td = tr.insertCell();
      td.dataset.meting = m;
      td.textContent = show(row, m);
    }
  }
}

function th(text, scope) {
  const cell = document.createElement('th');
  cell.scope = scope;
  cell.textContent = text;
  return cell;
}

function chart(id, type, labels, datasets, horizontal) {
  if (charts[id]) charts[id].destroy();
  charts[id] = new Chart($(id), {
    type,
    data: { labels, datasets },
    options: { animation: false, maintainAspectRatio: false, indexAxis: horizontal ? 'y' : 'x' },
  });
}

function overview(report) {
  const row = report.rijen[0] || {};
  const list = $('overzicht');
  list.replaceChildren();
  for (const [m, label] of MEASURES) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.dataset.meting = m;
    dd.textContent = show(row, m);
    div.append(dt, dd);
    list.appendChild(div);
  }
}

async function load(event) {
  if (event) event.preventDefault();
  sessionStorage.setItem('kohub-sleutel', $('sleutel').value);
  $('status').className = '';
  $('status').textContent = 'Cijfers worden geladen…';
  try {
    const withArea = $('gemeente').value || $('llko').value;
    const names = ['overzicht', 'trend', 'woongemeente', 'categorie', 'leeftijd', 'loket'];
    if (withArea) names.push('uitkomsten');
    const reports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await fetchReport(n)])));
    overview(reports.overzicht);
    const trend = reports.trend.rijen;
    chart('grafiek-trend', 'line', trend.map((r) => r.referentieperiode), [
      { label: 'Unieke aanvragen', data: trend.map((r) => r.uniekeAanvragen) },
      { label: 'Onbeantwoord', data: trend.map((r) => r.onbeantwoord) },
    ]);
    table('tabel-trend', 'Per kwartaal', reports.trend, [['referentieperiode', 'Kwartaal']]);
    const ranked = { ...reports.woongemeente, rijen: [...reports.woongemeente.rijen].sort((a, b) => (b.onbeantwoord ?? -1) - (a.onbeantwoord ?? -1)) };
    const top = ranked.rijen.slice(0, 20);
    chart('grafiek-gemeenten', 'bar', top.map((r) => r.woongemeenteLabel), [
      { label: 'Onbeantwoorde unieke aanvragen', data: top.map((r) => r.onbeantwoord) },
    ], true);
    table('tabel-woongemeente', 'Woongemeenten, meeste onbeantwoorde eerst', ranked, [['woongemeente', 'Woongemeente']]);
    const cats = reports.categorie.rijen;
    chart('grafiek-categorie', 'bar', cats.map((r) => r.categorieLabel), [
      { label: 'Unieke aanvragen', data: cats.map((r) => r.uniekeAanvragen) },
      { label: 'Onbeantwoord', data: cats.map((r) => r.onbeantwoord) },
    ], true);
    table('tabel-categorie', 'Per categorie', reports.categorie, [['categorie', 'Categorie']]);
    table('tabel-leeftijd', 'Per leeftijdsklasse', reports.leeftijd, [['leeftijdsklasse', 'Leeftijd']]);
    table('tabel-loket', 'Per loket', reports.loket, [['loket', 'Loket']]);
    if (reports.uitkomsten) {
      $('uitleg-uitkomsten').textContent = 'Waar inwoners opvang vonden, en wie van buiten het gebied er opvang vroeg.';
      table('tabel-uitkomsten', 'Uitkomsten', reports.uitkomsten, [['uitkomstgroep', 'Groep'], ['uitkomstgemeente', 'Gemeente']]);
    } else {
      $('tabel-uitkomsten').replaceChildren();
    }
    $('status').textContent = 'Cijfers voor ' + $('periode').value + ' geladen (peildatum ' + reports.overzicht.peildatum + ').';
    $('cijfers').focus();
  } catch (e) {
    $('status').className = 'fout';
    $('status').textContent = 'Kon de cijfers niet laden: ' + e.message;
  }
}

async function download(accept, extension) {
  try {
    const blob = await fetchReport($('download-rapport').value, accept);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = $('download-rapport').value + '-' + $('periode').value + '.' + extension;
    a.click();
    URL.revokeObjectURL(a.href);
  } catch (e) {
    $('status').className = 'fout';
    $('status').textContent = 'Downloaden mislukt: ' + e.message;
  }
}

async function init() {
  const year = new Date().getFullYear();
  for (let y = year + 1; y >= year - 4; y--) {
    $('periode').add(new Option(String(y), String(y), false, y === year));
    for (let q = 1; q <= 4; q++) $('periode').add(new Option(y + ' kwartaal ' + q, y + '-K' + q));
  }
  $('sleutel').value = sessionStorage.getItem('kohub-sleutel') || '';
  const lists = await (await fetch('/dashboard/keuzelijsten.json')).json();
  for (const g of lists.gemeenten) $('gemeente').add(new Option(g.naam + ' (' + g.code + ')', g.code));
  for (const l of lists.loketten) $('llko').add(new Option(l.naam, l.code));
  $('filters').addEventListener('submit', load);
  $('download-csv').addEventListener('click', () => download('text/csv', 'csv'));
  $('download-turtle').addEventListener('click', () => download('text/turtle', 'ttl'));
  document.body.dataset.klaar = 'ja';
}

init();
