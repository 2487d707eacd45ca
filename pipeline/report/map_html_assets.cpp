#include "report/map_html_assets.h"

namespace dipmine::report {

const char* map_html_css() {
  return R"css(
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK JP", sans-serif; color: #222; background: #fff; }
body { display: flex; flex-direction: column; }
header { display: flex; align-items: center; gap: 16px; padding: 8px 16px; border-bottom: 1px solid #e3e3e3; }
header h1 { font-size: 18px; margin: 0; flex: 1; font-weight: 600; }
header input { width: 220px; padding: 4px 8px; font: inherit; }
header select { font: inherit; }
#stats { color: #777; font-size: 13px; }
main { flex: 1; display: flex; min-height: 0; }
#map { flex: 1; height: 100%; cursor: grab; user-select: none; }
#map.dragging { cursor: grabbing; }
#panel { width: 330px; border-left: 1px solid #e3e3e3; padding: 12px 14px; overflow-y: auto; font-size: 13px; }
#panel h2 { font-size: 15px; margin: 0 0 6px; }
#panel table { border-collapse: collapse; }
#panel td { padding: 1px 10px 1px 0; }
#panel .hint, #caption { color: #777; }
#legend { margin: 14px 0; }
#legend .sw { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; }
#legend .bar { height: 12px; width: 100%; margin: 4px 0 2px; }
#legend .ticks { display: flex; justify-content: space-between; color: #555; }
#docs ol { padding-left: 20px; margin: 4px 0; }
#docs li { margin: 2px 0; }
circle.node { stroke: #fff; stroke-width: 0.8; fill-opacity: 0.88; cursor: pointer; }
text.label { fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; pointer-events: none; text-anchor: middle; }
#links path { fill: none; stroke-linecap: round; }
#hl path { fill: none; stroke-linecap: round; stroke-opacity: 0.85; }
svg.focus #links path { stroke-opacity: 0.04 !important; }
svg.focus circle.node { fill-opacity: 0.15; }
svg.focus circle.node.hi { fill-opacity: 1; }
svg.searching circle.node { fill-opacity: 0.15; }
svg.searching circle.node.match { fill-opacity: 1; stroke: #000; stroke-width: 1.5; }
#selftest { white-space: pre; font-size: 11px; }
)css";
}

const char* map_html_js() {
  return R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var svg = document.getElementById('map'), viewport = document.getElementById('viewport');
  var gLinks = document.getElementById('links'), gHl = document.getElementById('hl');
  var gNodes = document.getElementById('nodes'), gLabels = document.getElementById('labels');
  var info = document.getElementById('info'), legend = document.getElementById('legend');
  var docsBox = document.getElementById('docs'), search = document.getElementById('search');
  var colour = document.getElementById('colour'), stats = document.getElementById('stats');
  var nodes = data.nodes, links = data.links, mode = data.mode;
  var view = { x: 0, y: 0, k: 1 };
  var px = [], py = [], circles = [], labels = [], labelBox = [], adj = [];
  var maxOcc = 0, i;
  for (i = 0; i < nodes.length; i++) { adj.push([]); maxOcc = Math.max(maxOcc, nodes[i].o); }
  links.forEach(function (l, k) { adj[l[0]].push(k); adj[l[1]].push(k); });

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var a in attrs) e.setAttribute(a, attrs[a]);
    return e;
  }
  function count(v) { return Math.round(v) === v ? String(v) : v.toFixed(2); }
  function fontSize(n) { return 10 + 9 * Math.sqrt(n.o / (maxOcc || 1)); }

  function layout() {
    var w = svg.clientWidth || 1000, h = svg.clientHeight || 700, x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    nodes.forEach(function (n) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y); });
    // Margins leave room for the largest circles and for labels centred on edge nodes.
    var mx = Math.max(100, 0.1 * w), my = 60;
    var s = Math.min(x1 > x0 ? (w - 2 * mx) / (x1 - x0) : 1, y1 > y0 ? (h - 2 * my) / (y1 - y0) : 1);
    var ox = (w - s * (x1 - x0)) / 2, oy = (h - s * (y1 - y0)) / 2;
    nodes.forEach(function (n, k) { px[k] = ox + (n.x - x0) * s; py[k] = oy + (y1 - n.y) * s; });
  }
  function curve(a, b) {
    var dx = px[b] - px[a], dy = py[b] - py[a];
    var cx = (px[a] + px[b]) / 2 - dy * 0.12, cy = (py[a] + py[b]) / 2 + dx * 0.12;
    return 'M' + px[a].toFixed(1) + ' ' + py[a].toFixed(1) + ' Q' + cx.toFixed(1) + ' ' + cy.toFixed(1) + ' ' + px[b].toFixed(1) + ' ' + py[b].toFixed(1);
  }
  function linkPath(k, group) {
    var l = links[k], t = links.length ? l[2] / links[0][2] : 0;
    var p = el('path', { d: curve(l[0], l[1]), 'stroke-width': (0.4 + 3.6 * Math.pow(t, 0.75)).toFixed(2),
      'stroke-opacity': (0.12 + 0.45 * t).toFixed(2) });
    p.dataset.k = k;
    group.appendChild(p);
    return p;
  }
  function draw() {
    layout();
    for (var k = data.draw - 1; k >= 0; k--) linkPath(k, gLinks);
    for (var j = nodes.length - 1; j >= 0; j--) {
      var c = el('circle', { cx: px[j].toFixed(1), cy: py[j].toFixed(1), r: nodes[j].r, 'class': 'node' });
      c.dataset.i = j;
      circles[j] = c;
      gNodes.appendChild(c);
    }
    nodes.forEach(function (n, j) {
      var f = fontSize(n), t = el('text', { x: px[j].toFixed(1), y: py[j].toFixed(1), 'font-size': f.toFixed(1), 'class': 'label' });
      if (n.rtl) { t.setAttribute('direction', 'rtl'); t.setAttribute('unicode-bidi', 'embed'); }
      t.textContent = n.l;
      labels[j] = t;
      gLabels.appendChild(t);
      // The label's box at zoom 1, relative to its anchor (centre, baseline).
      var b = null;
      try { b = t.getBBox(); } catch (e) { b = null; }
      if (b && b.width > 0) labelBox[j] = [b.x - px[j], b.y - py[j], b.width, b.height];
      else labelBox[j] = [-n.l.length * f * 0.3, -f, n.l.length * f * 0.6, f * 1.3];
    });
    recolour();
    placeLabels();
    stats.textContent = nodes.length + ' nodes, ' + data.total_links + ' links';
    document.getElementById('caption').textContent = data.caption;
  }
  // The centre x (screen units) for a label of width w: at x if it fits in the
  // map, else as close to x as the map's edges allow.
  function clampLabel(x, w) {
    var W = svg.clientWidth || 1000, pad = 4;
    if (w + 2 * pad >= W) return W / 2;
    return Math.min(Math.max(x, pad + w / 2), W - pad - w / 2);
  }
  // Whether box b ([x0, y0, x1, y1]) hides the circle (x, y, r): covers its
  // centre, with a margin of a third of its radius (2 to 5 px). A label may
  // cross part of a neighbour's disc, as in VOSviewer (circles grow with the
  // zoom and often overlap), but not be written across its middle.
  function coversCircle(b, x, y, r) {
    var dx = x - Math.min(Math.max(x, b[0]), b[2]), dy = y - Math.min(Math.max(y, b[1]), b[3]);
    var c = Math.min(Math.max(r / 3, 2), 5);
    return dx * dx + dy * dy < c * c;
  }
  // Greedy, most frequent first: a label is shown where its box (screen
  // units, the same size at every zoom) overlaps no label already shown and
  // hides no node at least half its node's size (a label written across a
  // circle hides it; a node much smaller may lie under a large node's label);
  // tried centred on the circle, then above it, then below. Zooming in
  // spreads the circles while the labels keep their size, so more fit.
  // Returns the boxes shown (the self-test checks them).
  function placeLabels(force) {
    var boxes = [], k = view.k, W = svg.clientWidth || 1000, H = svg.clientHeight || 700;
    var sx = [], sy = [], sr = [];
    nodes.forEach(function (n, i) { sx[i] = px[i] * k + view.x; sy[i] = py[i] * k + view.y; sr[i] = n.r * k; });
    function hidesNode(b, j) {
      for (var i = 0; i < nodes.length; i++) {
        if (i !== j && 2 * sr[i] >= sr[j] && sx[i] + sr[i] >= b[0] && sx[i] - sr[i] <= b[2] &&
            coversCircle(b, sx[i], sy[i], sr[i])) return true;
      }
      return false;
    }
    function free(b, j) {
      return !boxes.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; }) && !hidesNode(b, j);
    }
    nodes.forEach(function (n, j) {
      var lb = labelBox[j], w = lb[2] + 2, h = lb[3], r = n.r * k;
      var sx = px[j] * k + view.x, sy = py[j] * k + view.y;
      var onScreen = sx + r >= 0 && sx - r <= W && sy + r >= 0 && sy - r <= H;
      // A label that would run past the left or right edge moves inward.
      var cx = clampLabel(sx, w);
      // Baselines tried: centred on the circle, above it, below it.
      var centred = sy - (lb[1] + h / 2);
      var tries = [centred, sy - r - (lb[1] + h), sy + r - lb[1]], chosen = null, box = null;
      for (var t = 0; onScreen && t < tries.length && chosen === null; t++) {
        var b = [cx - w / 2, tries[t] + lb[1], cx + w / 2, tries[t] + lb[1] + h];
        if (free(b, j)) { chosen = tries[t]; box = b; }
      }
      if (chosen === null && force && force[j]) chosen = centred;
      if (chosen !== null) {
        if (box) boxes.push(box);
        labels[j].setAttribute('x', ((cx - view.x) / k).toFixed(2));
        labels[j].setAttribute('y', ((chosen - view.y) / k).toFixed(2));
        labels[j].setAttribute('font-size', (fontSize(n) / k).toFixed(3));
      }
      labels[j].style.display = chosen === null ? 'none' : '';
    });
    return boxes;
  }
  function recolour() {
    nodes.forEach(function (n, j) { circles[j].setAttribute('fill', n.col[mode]); });
    Array.prototype.forEach.call(gLinks.childNodes, function (p) {
      var l = links[+p.dataset.k]; p.setAttribute('stroke', nodes[Math.min(l[0], l[1])].col[mode]);
    });
    colour.value = String(mode);
    drawLegend();
  }
  function drawLegend() {
    legend.textContent = '';
    var h = document.createElement('h2'), L = data.legend;
    legend.appendChild(h);
    if (mode === 0) {
      h.textContent = 'Clusters';
      L.clusters.slice(0, 20).forEach(function (c) {
        var d = document.createElement('div'), s = document.createElement('span');
        s.className = 'sw'; s.style.background = c.color;
        d.appendChild(s);
        // <bdi> keeps a right-to-left label from reordering the text around it.
        var b = document.createElement('bdi');
        b.textContent = c.label;
        d.appendChild(document.createTextNode(c.c + ': '));
        d.appendChild(b);
        d.appendChild(document.createTextNode(' (' + c.size + ')'));
        legend.appendChild(d);
      });
    } else if (mode === 1) {
      h.textContent = 'Average publication year';
      var bar = document.createElement('div');
      bar.className = 'bar'; bar.style.background = 'linear-gradient(to right,' + L.viridis.join(',') + ')';
      legend.appendChild(bar);
      var ticks = document.createElement('div');
      ticks.className = 'ticks';
      (L.years ? [L.years[0], (L.years[0] + L.years[1]) / 2, L.years[1]] : []).forEach(function (y) {
        var s = document.createElement('span'); s.textContent = (L.years[1] - L.years[0] >= 3 ? y.toFixed(0) : y.toFixed(1)); ticks.appendChild(s);
      });
      if (!L.years) ticks.textContent = 'no years in the store';
      legend.appendChild(ticks);
    } else {
      h.textContent = 'Language of the text';
      L.langs.forEach(function (c) {
        var d = document.createElement('div'), s = document.createElement('span');
        s.className = 'sw'; s.style.background = c.color;
        d.appendChild(s); d.appendChild(document.createTextNode(c.label));
        legend.appendChild(d);
      });
    }
  }
  function row(table, name, value) {
    var tr = document.createElement('tr'), a = document.createElement('td'), b = document.createElement('td');
    a.textContent = name; b.textContent = value; tr.appendChild(a); tr.appendChild(b); table.appendChild(tr);
  }
  function showInfo(j) {
    var n = nodes[j];
    info.textContent = '';
    var h = document.createElement('h2'); h.textContent = n.l; h.dir = 'auto'; info.appendChild(h);
    var t = document.createElement('table');
    row(t, 'id', n.k); row(t, 'occurrences', count(n.o)); row(t, 'documents', String(n.d));
    row(t, 'links', String(adj[j].length)); row(t, 'total link strength', count(n.t));
    row(t, 'cluster', String(n.c)); row(t, 'average year', n.yr === null ? '-' : n.yr.toFixed(1));
    row(t, 'fa / en / ja', n.sh.map(function (v) { return Math.round(v * 100) + '%'; }).join(' / '));
    info.appendChild(t);
  }
  function hover(j) {
    svg.classList.add('focus');
    gHl.textContent = '';
    circles[j].classList.add('hi');
    adj[j].forEach(function (k) {
      var l = links[k], other = l[0] === j ? l[1] : l[0];
      linkPath(k, gHl).setAttribute('stroke', nodes[j].col[mode]);
      circles[other].classList.add('hi');
    });
    showInfo(j);
  }
  function unhover() {
    svg.classList.remove('focus');
    gHl.textContent = '';
    circles.forEach(function (c) { c.classList.remove('hi'); });
  }
  function listDocs(j) {
    var n = nodes[j];
    docsBox.textContent = '';
    var h = document.createElement('h2');
    var b = document.createElement('bdi');
    b.textContent = n.l;
    h.appendChild(document.createTextNode('Documents with \u201c'));
    h.appendChild(b);
    h.appendChild(document.createTextNode('\u201d (' + n.d + (n.docs.length < n.d ? ', first ' + n.docs.length : '') + ')'));
    docsBox.appendChild(h);
    var ol = document.createElement('ol');
    n.docs.forEach(function (id) {
      var d = data.docs[String(id)] || ['#' + id, null], li = document.createElement('li');
      li.textContent = d[0] + (d[1] === null ? '' : ' (' + d[1] + ')');
      ol.appendChild(li);
    });
    docsBox.appendChild(ol);
  }
  function doSearch() {
    var q = search.value.trim().toLowerCase(), hits = 0, force = {};
    circles.forEach(function (c, j) {
      var m = q !== '' && (nodes[j].l.toLowerCase().indexOf(q) >= 0 || nodes[j].k.toLowerCase().indexOf(q) >= 0);
      c.classList.toggle('match', m);
      if (m) { hits++; force[j] = true; }
    });
    svg.classList.toggle('searching', q !== '');
    stats.textContent = q === '' ? nodes.length + ' nodes, ' + data.total_links + ' links' : hits + ' match' + (hits === 1 ? '' : 'es');
    placeLabels(force);
  }
  function applyView() {
    viewport.setAttribute('transform', 'translate(' + view.x.toFixed(2) + ' ' + view.y.toFixed(2) + ') scale(' + view.k.toFixed(4) + ')');
  }
  var relabel = null;
  function zoomAt(x, y, factor) {
    var k = Math.min(40, Math.max(0.2, view.k * factor));
    view.x = x - (x - view.x) * k / view.k; view.y = y - (y - view.y) * k / view.k; view.k = k;
    applyView();
    clearTimeout(relabel);
    relabel = setTimeout(function () { placeLabels(); }, 60);
  }

  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var r = svg.getBoundingClientRect();
    zoomAt(e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 1.2 : 1 / 1.2);
  }, { passive: false });
  var drag = null;
  svg.addEventListener('pointerdown', function (e) {
    if (e.target.tagName === 'circle') return;
    drag = { x: e.clientX - view.x, y: e.clientY - view.y };
    svg.classList.add('dragging');
  });
  window.addEventListener('pointermove', function (e) {
    if (!drag) return;
    view.x = e.clientX - drag.x; view.y = e.clientY - drag.y; applyView();
  });
  window.addEventListener('pointerup', function () { if (drag) { drag = null; svg.classList.remove('dragging'); placeLabels(); } });
  gNodes.addEventListener('mouseover', function (e) { if (e.target.dataset.i !== undefined) hover(+e.target.dataset.i); });
  gNodes.addEventListener('mouseout', function (e) { if (e.target.dataset.i !== undefined) unhover(); });
  gNodes.addEventListener('click', function (e) { if (e.target.dataset.i !== undefined) listDocs(+e.target.dataset.i); });
  search.addEventListener('input', doSearch);
  colour.addEventListener('change', function () { mode = +colour.value; recolour(); });

  function selftest() {
    var lines = [], ok = true;
    function check(c, what) { lines.push((c ? 'ok   ' : 'FAIL ') + what); if (!c) ok = false; }
    var box = svg.getBoundingClientRect(), outside = 0;
    labels.forEach(function (t) {
      if (t.style.display === 'none') return;
      var r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) outside++;
    });
    check(outside === 0, 'labels inside the map at the first view: ' + outside + ' run past an edge');
    var away = 0;
    circles.forEach(function (c) {
      var r = c.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) away++;
    });
    check(away === 0, 'first view fits the map: ' + away + ' of ' + circles.length + ' nodes outside the view');
    function overlapping() {
      var rects = [], pairs = 0;
      labels.forEach(function (t) { if (t.style.display !== 'none') rects.push(t.getBoundingClientRect()); });
      for (var a = 0; a < rects.length; a++) {
        for (var b = a + 1; b < rects.length; b++) {
          var p = rects[a], q = rects[b];
          if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) pairs++;
        }
      }
      return [pairs, rects.length];
    }
    // Shown labels written across another node's circle (its box covers
    // part of the disc, by the rendered boxes).
    function hiding() {
      var n = 0;
      labels.forEach(function (t, j) {
        if (t.style.display === 'none') return;
        var p = t.getBoundingClientRect(), b = [p.left + 1, p.top + 1, p.right - 1, p.bottom - 1];
        circles.forEach(function (c, i) {
          if (i === j || 2 * nodes[i].r < nodes[j].r) return;
          var q = c.getBoundingClientRect();
          if (coversCircle(b, (q.left + q.right) / 2, (q.top + q.bottom) / 2, (q.right - q.left) / 2)) n++;
        });
      });
      return n;
    }
    var ov = overlapping();
    check(ov[0] === 0, 'visible labels do not overlap at the first view: ' + ov[0] + ' pairs among ' + ov[1]);
    var hid = hiding();
    check(hid === 0, 'no label is written across a node half its size or more at the first view: ' + hid);
    var drawn = gNodes.querySelectorAll('circle').length;
    check(drawn === nodes.length && drawn > 0, 'nodes drawn: ' + drawn + ' of ' + nodes.length);
    check(gLinks.childNodes.length === data.draw, 'links drawn: ' + gLinks.childNodes.length + ' of ' + data.draw);
    var shown = labels.filter(function (t) { return t.style.display !== 'none'; }).length;
    check(shown > 0, 'labels shown: ' + shown);
    var best = 0;
    for (var j = 1; j < nodes.length; j++) if (adj[j].length > adj[best].length) best = j;
    circles[best].dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    check(gHl.childNodes.length === adj[best].length, 'hover highlights ' + gHl.childNodes.length + ' links of ' + adj[best].length);
    check(info.textContent.indexOf(nodes[best].l) >= 0 && info.textContent.indexOf('occurrences' + count(nodes[best].o)) >= 0,
          'hover shows counts of "' + nodes[best].l + '"');
    circles[best].dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    check(gHl.childNodes.length === 0 && !svg.classList.contains('focus'), 'hover ends');
    search.value = nodes[best].l;
    search.dispatchEvent(new Event('input'));
    var matched = gNodes.querySelectorAll('circle.match').length;
    check(circles[best].classList.contains('match') && matched >= 1, 'search marks ' + matched + ' node(s)');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    check(gNodes.querySelectorAll('circle.match').length === 0, 'search cleared');
    colour.value = '1';
    colour.dispatchEvent(new Event('change'));
    check(circles[best].getAttribute('fill') === nodes[best].col[1] && legend.textContent.indexOf('year') >= 0, 'colour switch to year');
    colour.value = String(data.mode);
    colour.dispatchEvent(new Event('change'));
    check(circles[best].getAttribute('fill') === nodes[best].col[data.mode], 'colour switch back');
    circles[best].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    var items = docsBox.querySelectorAll('li').length;
    check(items === nodes[best].docs.length && items > 0, 'click lists ' + items + ' document(s)');
    var k0 = view.k;
    svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: 300, clientY: 300, bubbles: true, cancelable: true }));
    check(view.k > k0, 'wheel zooms in to ' + view.k.toFixed(2));
    var shown0 = labels.filter(function (t) { return t.style.display !== 'none'; }).length;
    view = { x: -box.width * 1.5, y: -box.height * 1.5, k: 4 }; applyView(); placeLabels();
    var ov4 = overlapping(), inView = 0;
    labels.forEach(function (t, j) {
      var r = circles[j].getBoundingClientRect();
      if (r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom) inView++;
    });
    var shown4 = labels.filter(function (t) { return t.style.display !== 'none'; }).length;
    check(ov4[0] === 0, 'zoomed in 4x: visible labels do not overlap: ' + ov4[0] + ' pairs among ' + ov4[1]);
    var hid4 = hiding();
    check(hid4 === 0, 'zoomed in 4x: no label is written across a node half its size or more: ' + hid4);
    // Zooming shows more: of the nodes in view, a larger share is labelled
    // (unless every label already showed at zoom 1).
    check(shown0 === nodes.length || (inView > 0 && shown4 / inView > shown0 / nodes.length),
          'zoom shows more labels: ' + shown4 + ' of ' + inView + ' nodes in view at 4x, ' + shown0 + ' of ' + nodes.length + ' at 1x');
    view = { x: 0, y: 0, k: 1 }; applyView(); placeLabels();
    var pre = document.createElement('pre');
    pre.id = 'selftest';
    pre.textContent = (ok ? 'SELFTEST PASS' : 'SELFTEST FAIL') + '\n' + lines.join('\n');
    document.body.appendChild(pre);
  }

  draw();
  if (location.hash === '#selftest') selftest();
})();
)js";
}

}  // namespace dipmine::report
