// The dashboard: one call to /api/all for the chosen range, four views drawn from it.
(function () {
  'use strict';
  const locale = navigator.language || 'en';
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = (amount, currency) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount));
  const day = (text) => new Date(text + 'T00:00:00Z').toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  const el = (id) => document.getElementById(id);
  // Source text (captions, channel and stream names, errors) is data, never markup: escaped wherever it meets HTML.
  const esc = (value) => String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const charts = {};

  function chart(id) {
    charts[id] = charts[id] || echarts.init(el(id));
    return charts[id];
  }

  function empty(id, message) {
    if (charts[id]) { charts[id].dispose(); delete charts[id]; }
    el(id).innerHTML = '<div class="empty">' + esc(message) + '</div>';
  }

  const NAMES = {
    views: 'TikTok views', engagement_rate: 'TikTok engagement rate', followers_gained: 'TikTok followers gained',
    sessions: 'Website sessions', engaged_session_rate: 'Engaged-session rate', conversion_rate: 'Conversion rate',
    open_rate: 'Email open rate', click_rate: 'Email click rate', orders: 'Orders', revenue: 'Revenue',
    average_order_value: 'Average order value', refunds: 'Refunds', users: 'Website users',
    'website.conversion_rate': 'Website conversion rate', 'email.conversion_rate': 'Email conversion rate',
    revenue_per_recipient: 'Email revenue per recipient'
  };
  const RATES = new Set(['engagement_rate', 'engaged_session_rate', 'conversion_rate', 'open_rate', 'click_rate']);
  const MONEY = new Set(['revenue', 'average_order_value', 'refunds', 'revenue_per_recipient']);

  function format(kpi, value) {
    if (value === null || value === undefined) return '–';
    if (RATES.has(kpi.name)) return percent.format(Number(value));
    if (MONEY.has(kpi.name)) return money(value, kpi.currency);
    return integer.format(Number(value));
  }

  function renderChannels(data) {
    const kpis = data.kpis || [];
    const withData = kpis.filter(k => k.value !== null && Number(k.value) !== 0);
    const cards = el('kpi-cards');
    if (withData.length === 0) {
      cards.innerHTML = '<div class="empty">No channel data in this range yet: run a sync, or widen the dates.</div>';
      empty('trend', 'No trend to draw.');
      return;
    }
    const byKey = new Map();
    kpis.forEach(k => {
      const key = k.channel + '|' + k.name + '|' + (k.currency || '');
      (byKey.get(key) || byKey.set(key, []).get(key)).push(k);
    });
    cards.innerHTML = '';
    byKey.forEach(series => {
      const total = series.filter(k => k.value !== null).map(k => Number(k.value));
      if (total.length === 0 || total.every(v => v === 0)) return;
      const last = series[series.length - 1];
      const k = last.value !== null ? last : series.filter(s => s.value !== null).pop();
      // Rates and users are not additive: the card shows the latest period's own value, never a sum of periods.
      const summed = RATES.has(k.name) || ['average_order_value', 'users', 'revenue_per_recipient'].includes(k.name) ? k.value
        : total.reduce((a, b) => a + b, 0);
      const caveats = [...new Set(series.flatMap(s => s.caveats || []))];
      const change = k.change !== null && k.change !== undefined ? Number(k.change) : null;
      const div = document.createElement('div');
      div.className = 'card';
      div.dataset.kpi = k.channel + '.' + k.name + (k.currency ? '.' + k.currency : '');
      div.innerHTML = '<div class="label">' + esc(NAMES[k.channel + '.' + k.name] || NAMES[k.name] || k.name) + (k.currency ? ' (' + esc(k.currency) + ')' : '') + '</div>'
        + '<div class="value">' + format(k, summed) + '</div>'
        + '<div class="change ' + (change === null ? '' : change >= 0 ? 'up' : 'down') + '">'
        + (change === null ? 'no previous period' : (change >= 0 ? '▲ ' : '▼ ') + percent.format(Math.abs(change)) + ' vs previous') + '</div>'
        + (caveats.length ? '<div class="caveat">incomplete source data: ' + caveats.map(c => c.toLowerCase()).join(', ') + '</div>' : '');
      cards.appendChild(div);
    });
    const views = kpis.filter(k => k.channel === 'tiktok' && k.name === 'views');
    const revenue = kpis.filter(k => k.channel === 'sales' && k.name === 'revenue' && k.currency === 'EUR');
    chart('trend').setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['TikTok views', 'Revenue (EUR)'] },
      xAxis: { type: 'category', data: views.map(k => day(k.bucket)) },
      yAxis: [{ type: 'value', name: 'views' }, { type: 'value', name: 'EUR' }],
      series: [
        { name: 'TikTok views', type: 'line', smooth: true, data: views.map(k => Number(k.value || 0)) },
        { name: 'Revenue (EUR)', type: 'bar', yAxisIndex: 1, data: revenue.map(k => Number(k.value || 0)) }
      ]
    }, true);
  }

  function renderFunnel(data) {
    const funnel = data.channelFunnel || data.funnel;
    const stages = (funnel && funnel.stages) || [];
    const body = el('funnel-table').querySelector('tbody');
    body.innerHTML = '';
    if (stages.every(s => s.value === 0)) {
      empty('funnel-chart', 'No funnel data in this range yet.');
      return;
    }
    stages.forEach(s => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<td>' + s.position + '. ' + esc(s.name) + '</td><td class="num">' + integer.format(s.value) + '</td>'
        + '<td class="num">' + (s.rateFromPrevious === null || s.rateFromPrevious === undefined ? '–' : percent.format(Number(s.rateFromPrevious))) + '</td>'
        + '<td class="num">' + (s.dropOff === null || s.dropOff === undefined ? '–' : integer.format(s.dropOff)) + '</td>';
      body.appendChild(tr);
    });
    chart('funnel-chart').setOption({
      tooltip: { trigger: 'item', formatter: p => p.name + ': ' + integer.format(p.value) },
      series: [{ type: 'funnel', sort: 'none', minSize: '8%', label: { formatter: p => p.name + '  ' + integer.format(p.value) },
        data: stages.map(s => ({ name: s.name, value: s.value })) }]
    }, true);
  }

  function renderAttribution(data) {
    const models = data.attribution || {};
    const names = Object.keys(models);
    const rows = names.flatMap(m => models[m]).filter(r => r.currency === 'EUR');
    const body = el('content-table').querySelector('tbody');
    body.innerHTML = '';
    if (rows.length === 0) {
      empty('attribution-chart', 'No conversions in this range yet.');
    } else {
      const channels = [...new Set(rows.map(r => r.groupKey))].sort();
      chart('attribution-chart').setOption({
        tooltip: { trigger: 'axis', valueFormatter: v => money(v, 'EUR') }, legend: { data: channels },
        xAxis: { type: 'category', data: names.map(n => n.toLowerCase()) }, yAxis: { type: 'value', name: 'EUR' },
        series: channels.map(c => ({ name: c, type: 'bar',
          data: names.map(m => { const r = models[m].find(x => x.currency === 'EUR' && x.groupKey === c); return r ? Number(r.attributedRevenue) : 0; }) }))
      }, true);
    }
    const content = (data.content || []).filter(c => c.currency);
    if (content.length === 0) {
      body.innerHTML = '<tr><td colspan="5" class="empty">No video earned revenue in this range.</td></tr>';
    }
    content.forEach(c => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<td>' + esc(c.title || c.contentId) + '</td><td class="num">' + integer.format(c.views) + '</td>'
        + '<td class="num">' + integer.format(c.engagements) + '</td><td class="num">' + decimal.format(Number(c.attributedConversions)) + '</td>'
        + '<td class="num">' + money(c.attributedRevenue, c.currency) + '</td>';
      body.appendChild(tr);
    });
  }

  function renderFreshness(data) {
    // The embedded warehouse's file size; absent for PostgreSQL, which keeps its own books.
    el('warehouse-size').textContent = data.warehouseBytes === undefined ? ''
      : 'Embedded warehouse on disk: ' + (Number(data.warehouseBytes) / 1048576).toLocaleString(locale,
        {maximumFractionDigits: 1}) + ' MiB';
    const body = el('freshness-table').querySelector('tbody');
    body.innerHTML = '';
    const rows = data.freshness || [];
    if (rows.length === 0) {
      body.innerHTML = '<tr><td colspan="7" class="empty">No sync has run yet.</td></tr>';
      return;
    }
    rows.forEach(s => {
      const failed = s.lastStatus !== 'SUCCEEDED';
      const lag = s.freshness ? Math.round(Number(s.freshness) / 60) : null;
      const tr = document.createElement('tr');
      tr.innerHTML = '<td>' + esc(s.instance) + '</td><td>' + esc(s.account) + ' / ' + esc(s.stream) + '</td><td>'
        + new Date(s.lastStartedAt).toLocaleString(locale) + ' (' + esc(s.lastMode) + ')</td>'
        + '<td class="' + (failed ? 'failed' : '') + '">' + esc(s.lastStatus) + (s.lastError ? ': ' + esc(s.lastError) : '') + '</td>'
        + '<td>' + (s.lastSuccessAt ? new Date(s.lastSuccessAt).toLocaleString(locale) : 'never') + '</td>'
        + '<td class="num">' + (lag === null ? '–' : integer.format(lag) + ' min') + '</td>';
      // The next scheduled refresh, when a scheduler keeps this connector fresh (text only, never markup).
      const next = document.createElement('td');
      const planned = (data.nextRuns || {})[s.instance];
      next.textContent = planned === undefined ? 'not scheduled'
        : planned.startsWith('waiting') ? planned : new Date(planned).toLocaleString(locale);
      tr.appendChild(next);
      body.appendChild(tr);
    });
  }

  function render(data) {
    el('from').value = data.from;
    el('to').value = data.to;
    el('status').textContent = 'Showing ' + day(data.from) + ' – ' + day(data.to) + ' (data from ' + day(data.dataFrom) + ')';
    const channels = new Set(Object.values(data.attribution || {}).flat().map(r => r.groupKey).filter(c => !c.startsWith('(')));
    const select = el('channel');
    const chosen = select.value;
    select.innerHTML = '<option value="">all channels</option>' + [...channels].sort().map(c => '<option>' + esc(c) + '</option>').join('');
    select.value = chosen;
    renderChannels(data);
    renderFunnel(data);
    renderAttribution(data);
    renderFreshness(data);
    document.body.dataset.loaded = String(Date.now());
  }

  function load() {
    if (window.EMBEDDED_DATA) {
      render(window.EMBEDDED_DATA);
      el('filters').style.display = 'none';
      return;
    }
    const params = new URLSearchParams();
    ['from', 'to', 'channel'].forEach(k => { if (el(k).value) params.set(k, el(k).value); });
    el('status').textContent = 'Loading…';
    fetch('api/all?' + params).then(r => r.json().then(body => ({ ok: r.ok, body })))
      .then(({ ok, body }) => { if (!ok) throw new Error(body.error || 'request failed'); render(body); })
      .catch(e => { el('status').textContent = 'Could not load: ' + e.message; });
  }

  el('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  load();
})();
