'use strict';
// The dashboard reads only the reporting REST API; every figure shown comes from one of its answers.
// Every request carries the viewer's bearer token: given once in the address fragment (#token=…, never sent to the
// server), or typed into the sign-in box; kept in this tab's session storage only.
(function () {
  const api = '/api/reports';
  const TOKEN_KEY = 'huzhu.token';
  const $ = (id) => document.getElementById(id);
  const charts = {};
  let loads = 0;

  const count = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('zh-CN'));
  const money = (n) => (n === null || n === undefined ? '–'
    : Number(n).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const percent = (ratio) => (ratio === null || ratio === undefined ? '–' : (Number(ratio) * 100).toFixed(2));
  const days = (n) => (n === null || n === undefined ? '–' : Number(n).toFixed(1));
  const text = (v) => (v === null || v === undefined || v === '' ? '–' : String(v));

  function shanghaiYear() {
    return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  }

  function filters() {
    return { year: $('year').value, district: $('district').value, plan: $('plan').value };
  }

  function query(params) {
    const q = new URLSearchParams();
    Object.entries(params).forEach(([k, v]) => { if (v !== '' && v !== null && v !== undefined) q.set(k, v); });
    return q.toString();
  }

  function token() {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (fragment.get('token')) {
      sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  class SignedOut extends Error {}

  async function call(url, accept) {
    const t = token();
    if (!t) throw new SignedOut('请先登录');
    const response = await fetch(url, { headers: { Accept: accept, Authorization: 'Bearer ' + t } });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      throw new SignedOut('令牌无效或已过期，请重新登录');
    }
    return response;
  }

  async function get(path, params) {
    const response = await call(api + path + '?' + query(params), 'application/json');
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        detail = (problem.title || detail) + (problem.detail ? '：' + problem.detail : '');
      } catch (e) { /* not a problem document */ }
      throw new Error(path + '：' + detail);
    }
    return response.json();
  }

  function fillRows(tableId, rows, totalRow) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    const add = (cells, total) => {
      const tr = document.createElement('tr');
      if (total) tr.className = 'total';
      cells.forEach((c) => { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
      body.appendChild(tr);
    };
    rows.forEach((cells) => add(cells, false));
    if (totalRow) add(totalRow, true);
  }

  function chart(id, option) {
    if (typeof echarts === 'undefined') return;
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    charts[id].setOption(option, true);
  }

  function setOptions(select, values, label) {
    const current = select.value;
    const first = select.options[0];
    select.replaceChildren(first);
    values.forEach((v) => {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = label ? label(v) : v;
      select.appendChild(o);
    });
    if (values.includes(current)) select.value = current;
  }

  function renderEnrollment(report, district) {
    const rows = district ? report.rows.filter((r) => r.district === district) : report.rows;
    const shown = district ? (rows[0] || { district, giftedSpecialDisease: 0, inService: 0, retired: 0, total: 0, realNameMembers: 0 })
      : report.totals;
    $('kpi-enrolled').textContent = count(shown.total);
    $('kpi-real-name').textContent = count(shown.realNameMembers);
    $('kpi-rate').textContent = shown.enrollmentRate ? shown.enrollmentRate + '%' : '–';
    const cells = (r) => [r.district, count(r.giftedSpecialDisease), count(r.inService), count(r.retired), count(r.total),
      count(r.realNameMembers), text(r.enrollmentRate), text(r.yearOnYear)];
    fillRows('table-enrollment', rows.map(cells), district ? null : cells(report.totals));
    chart('chart-enrollment', {
      tooltip: { trigger: 'axis' },
      legend: { data: ['特病赠送', '在职职工', '退休职工'] },
      xAxis: { type: 'category', data: rows.map((r) => r.district) },
      yAxis: { type: 'value', name: '人次' },
      series: [
        { name: '特病赠送', type: 'bar', stack: 'total', data: rows.map((r) => r.giftedSpecialDisease) },
        { name: '在职职工', type: 'bar', stack: 'total', data: rows.map((r) => r.inService) },
        { name: '退休职工', type: 'bar', stack: 'total', data: rows.map((r) => r.retired) },
      ],
    });
  }

  function renderTargets(report) {
    $('kpi-target').textContent = report.totals.completionRate ? report.totals.completionRate + '%' : '–';
    const cells = (r) => [r.name, text(r.district), count(r.target), count(r.completed), text(r.completionRate), count(r.nextYearTarget)];
    fillRows('table-targets', report.units.map(cells).concat([cells(report.other)]), cells(report.totals));
    const top = report.units.slice(0, 30);
    chart('chart-targets', {
      tooltip: { trigger: 'axis' },
      legend: { data: ['任务数', '完成数'] },
      xAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: '人次' },
      series: [
        { name: '任务数', type: 'bar', data: top.map((r) => r.target) },
        { name: '完成数', type: 'bar', data: top.map((r) => r.completed) },
      ],
    });
  }

  function renderRenewals(report, byUnit) {
    $('kpi-renewal').textContent = report.total.rate ? report.total.rate + '%' : '–';
    $('renewals-key').textContent = byUnit ? '所属单位' : '系统';
    const cells = (r) => [r.name, text(r.district), count(r.enrolled), count(r.renewed), text(r.rate)];
    fillRows('table-renewals', report.rows.map(cells), cells(report.total));
  }

  function renderRatios(rows, byUnit) {
    $('ratios-key').textContent = byUnit ? '单位' : '区县';
    const name = (r) => (byUnit ? (r.unitName || r.unitId) : r.district);
    const premiums = rows.reduce((s, r) => s + Number(r.premiums), 0);
    const benefits = rows.reduce((s, r) => s + Number(r.benefits), 0);
    $('kpi-ratio').textContent = premiums > 0 ? (benefits / premiums * 100).toFixed(2) + '%' : '–';
    fillRows('table-ratios', rows.map((r) => [name(r), count(r.enrolled), money(r.premiums), money(r.benefits), percent(r.ratio)]));
    chart('chart-ratios', {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map(name), axisLabel: { interval: 0, rotate: byUnit ? 30 : 0 } },
      yAxis: { type: 'value', name: '给付率%', max: (v) => Math.max(80, Math.ceil(v.max / 10) * 10) },
      series: [{
        name: '给付率%', type: 'bar', data: rows.map((r) => (r.ratio === null ? null : Number(percent(r.ratio)))),
        markLine: { symbol: 'none', data: [{ yAxis: 70, name: '70%' }, { yAxis: 50, name: '50%' }] },
      }],
    });
  }

  function renderFund(funds) {
    $('kpi-balance').textContent = money(funds.reduce((s, f) => s + Number(f.balance), 0));
    fillRows('table-fund', funds.map((f) => [f.planId, money(f.premiums), money(f.benefitsApproved), money(f.benefitsRevoked), money(f.balance)]));
    chart('chart-fund', {
      tooltip: { trigger: 'axis' },
      legend: { data: ['保费收入', '给付金额', '结余'] },
      xAxis: { type: 'category', data: funds.map((f) => f.planId) },
      yAxis: { type: 'value', name: '元' },
      series: [
        { name: '保费收入', type: 'bar', data: funds.map((f) => Number(f.premiums)) },
        { name: '给付金额', type: 'bar', data: funds.map((f) => Number(f.benefitsApproved) - Number(f.benefitsRevoked)) },
        { name: '结余', type: 'bar', data: funds.map((f) => Number(f.balance)) },
      ],
    });
  }

  function renderClaims(rows) {
    $('kpi-claims').textContent = count(rows.reduce((s, r) => s + r.claims, 0));
    fillRows('table-claims', rows.map((r) => [r.month, count(r.claims), count(r.approved), count(r.rejected), money(r.amount),
      percent(r.approvalRate), days(r.averageDaysToPayment)]));
    chart('chart-claims', {
      tooltip: { trigger: 'axis' },
      legend: { data: ['申请件数', '给付金额'] },
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '元' }],
      series: [
        { name: '申请件数', type: 'line', data: rows.map((r) => r.claims) },
        { name: '给付金额', type: 'bar', yAxisIndex: 1, data: rows.map((r) => Number(r.amount)) },
      ],
    });
  }

  async function load() {
    const f = filters();
    const state = new URLSearchParams(query({ year: f.year, district: f.district, plan: f.plan }));
    history.replaceState(null, '', '?' + state.toString());
    document.body.dataset.state = 'loading';
    $('error').hidden = true;
    try {
      const byUnit = f.district !== '';
      const [enrollment, targets, ratios, plans, funds, claims, renewals] = await Promise.all([
        get('/district-enrollment', { year: f.year }),
        get('/targets', { year: f.year, district: f.district }),
        get('/payout-ratios', { year: f.year, by: byUnit ? 'unit' : 'district', district: f.district, planId: f.plan }),
        get('/payout-ratios', { year: f.year, by: 'plan' }),
        get('/fund-position', { year: f.year, planId: f.plan }),
        get('/claims', { year: f.year, by: 'month', district: f.district, planId: f.plan }),
        get('/renewals', { year: f.year, by: byUnit ? 'unit' : 'district', district: f.district, planId: f.plan }),
      ]);
      setOptions($('district'), enrollment.rows.map((r) => r.district));
      setOptions($('plan'), plans.map((p) => p.planId));
      renderEnrollment(enrollment, f.district);
      renderTargets(targets);
      renderRatios(ratios, byUnit);
      renderFund(funds);
      renderClaims(claims);
      renderRenewals(renewals, byUnit);
      document.body.dataset.state = 'ready';
    } catch (e) {
      if (e instanceof SignedOut) {
        signIn(e.message);
      } else {
        $('error').textContent = '数据加载失败：' + e.message;
        $('error').hidden = false;
        document.body.dataset.state = 'error';
      }
    }
    document.body.dataset.loads = String(++loads);
  }

  function signIn(message) {
    $('signin-message').textContent = message;
    $('signin').hidden = false;
    document.body.dataset.state = 'signed-out';
  }

  async function years() {
    try {
      return await get('/years', {});
    } catch (e) {
      return [];
    }
  }

  async function download(url, name) {
    try {
      const response = await call(url, '*/*');
      if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (e) {
      if (e instanceof SignedOut) signIn(e.message);
      else { $('error').textContent = '导出失败：' + e.message; $('error').hidden = false; }
    }
  }

  async function init() {
    token();
    const params = new URLSearchParams(location.search);
    $('signin').addEventListener('submit', (event) => {
      event.preventDefault();
      const value = $('token').value.trim();
      if (value) {
        sessionStorage.setItem(TOKEN_KEY, value);
        $('signin').hidden = true;
        $('token').value = '';
        load();
      }
    });
    const withData = await years();
    // the year asked for in the address; else the latest year with figures up to next year; else this year
    const year = Number(params.get('year')) || withData.find((y) => y <= shanghaiYear() + 1) || shanghaiYear();
    const options = new Set(withData);
    options.add(year);
    options.add(shanghaiYear());
    const yearSelect = $('year');
    [...options].sort((a, b) => b - a).forEach((y) => {
      const o = document.createElement('option');
      o.value = String(y);
      o.textContent = y + '年度';
      yearSelect.appendChild(o);
    });
    yearSelect.value = String(year);
    // a filter given in the address is kept until the options arrive with the first answers
    ['district', 'plan'].forEach((id) => {
      const v = params.get(id);
      if (v) {
        const o = document.createElement('option');
        o.value = v;
        o.textContent = v;
        $(id).appendChild(o);
        $(id).value = v;
      }
    });
    document.querySelectorAll('#filters select').forEach((s) => s.addEventListener('change', load));
    document.querySelectorAll('a.export').forEach((a) => a.addEventListener('click', () => {
      const f = filters();
      const report = a.dataset.report;
      const params = { year: f.year, format: 'xlsx' };
      if (report === 'targets' || report === 'claims') params.district = f.district;
      if (report === 'renewals') Object.assign(params, { by: f.district ? 'unit' : 'district', district: f.district, planId: f.plan });
      if (report === 'payout-ratios') Object.assign(params, { by: f.district ? 'unit' : 'district', district: f.district, planId: f.plan });
      if (report === 'fund-position' || report === 'claims') params.planId = f.plan;
      if (report === 'claims') params.by = 'month';
      download(api + '/' + report + '/export?' + query(params), report + '-' + f.year + '.xlsx');
    }));
    window.addEventListener('hashchange', () => {
      if (new URLSearchParams(location.hash.replace(/^#/, '')).get('token')) {
        token();
        $('signin').hidden = true;
        load();
      }
    });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    load();
  }

  init();
}());
