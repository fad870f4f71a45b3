// The review page's script (jixiao check --format html). Everything is drawn from the data
// blocks ("jixiao.review/1", schemas/review.schema.json): the index (#jx-data) for the overview
// and the table of units when the page opens; a unit's own block (#jx-u0, #jx-u1 …) only when
// the unit is opened. Text from a document goes into the page through h() and svg() alone
// (common.js); links are made from indices and rule ids, never from a document's text.
(function () {
  const { h, svg, money, decimalCompare, baseName, name } = JX;
  const D = JSON.parse(document.getElementById('jx-data').textContent);
  const EN = D.lang === 'en';
  // A field's heading: its Chinese name, followed on an English page by its English name.
  const N = (key, more = '') => (EN ? `${name(key).zh} ${name(key).en}${more}` : name(key).zh);
  const T = EN ? {
    overview: 'Overview', findingsTab: 'Findings', printAll: 'All units, to print', print: 'Print',
    units: 'Units', cards: 'Project cards', budget: 'Total budget (10k yuan)', fiscal: 'fiscal funds',
    other: 'other funds', findings: 'Findings', error: 'error', warning: 'warning', info: 'info',
    errors: 'Errors', warnings: 'Warnings', infos: 'Infos', unreadable: 'unreadable',
    uncounted: (n) => `${n} card(s) not counted: no amount, or no amount unit`,
    overflow: 'too large to add up exactly',
    byRule: 'Findings by rule', byStatus: 'Units by status', largest: 'The 20 largest budgets (units, 10k yuan)',
    status: { clean: 'clean', warnings: 'warnings', errors: 'errors', unreadable: 'unreadable' },
    statusNote: 'clean: no error or warning (infos may remain)',
    unreadableFiles: 'Files that could not be read', noFindingsAll: 'No findings in any file.',
    col: { code: 'Code', name: 'Unit', file: 'File', cards: 'Cards', budget: 'Budget (10k yuan)', error: 'Errors',
      warning: 'Warnings', info: 'Infos', status: 'Status' },
    filterText: 'Filter: code, name or file', allStatus: 'every status', shown: (n, all) => `${n} of ${all} shown`,
    back: '← Overview', file: 'File', converted: (f) => `converted from .${f} by LibreOffice: tables and rows are those of the converted document`,
    noFindings: 'No findings: this file passed every rule that ran.', docFindings: 'Findings about the whole document',
    cardFindings: 'Findings about this card', dept: 'Department targets', absent: '(absent)', moneyLines: 'Money lines',
    schedule: N('schedule', ' (cumulative)'), findingsCol: 'Findings',
    noIndicators: 'No indicator rows.', place: (t, r) => (t ? `table ${t}` : '') + (r ? ` row ${r}` : ''),
    cell: (sheet, cell) => `sheet "${sheet}" ${cell}`,
    card: (s) => `card ${s}`, allRules: 'every rule', allSeverities: 'every severity', more: 'Show more',
    ruleTitle: 'Rule', defaultSeverity: 'default severity', fixable: 'fixable with convert --fix',
    year: 'year', reason: 'Could not be read: ',
  } : {
    overview: '概览', findingsTab: '问题清单', printAll: '全部单位（打印）', print: '打印',
    units: '单位', cards: '项目卡片', budget: '预算数合计（万元）', fiscal: '财政资金', other: '其他资金',
    findings: '问题', error: '错误', warning: '警告', info: '提示', errors: '错误', warnings: '警告', infos: '提示',
    unreadable: '无法读取',
    uncounted: (n) => `${n} 张卡片未计入：无金额或未注明金额单位`,
    overflow: '数额过大，无法精确合计',
    byRule: '问题按规则', byStatus: '单位按状态', largest: '预算数最大的 20 个单位（万元）',
    status: { clean: '无问题', warnings: '有警告', errors: '有错误', unreadable: '无法读取' },
    statusNote: '无问题：没有错误和警告（可能仍有提示）',
    unreadableFiles: '无法读取的文件', noFindingsAll: '所有文件均未发现问题。',
    col: { code: '单位编码', name: '单位名称', file: '文件', cards: '卡片', budget: '预算数（万元）', error: '错误',
      warning: '警告', info: '提示', status: '状态' },
    filterText: '筛选：编码、名称或文件', allStatus: '全部状态', shown: (n, all) => `显示 ${n} / ${all}`,
    back: '← 返回概览', file: '文件', converted: (f) => `由 LibreOffice 从 .${f} 转换，表号和行号为转换后文档中的位置`,
    noFindings: '未发现问题：本文件通过了所有已运行的规则。', docFindings: '关于整份文件的问题',
    cardFindings: '关于本卡片的问题', dept: '部门绩效目标', absent: '（无）', moneyLines: '资金明细',
    schedule: N('schedule') + '（累计）', findingsCol: '问题',
    noIndicators: '没有指标行。', place: (t, r) => (t ? `表${t}` : '') + (r ? ` 第${r}行` : ''),
    cell: (sheet, cell) => `工作表“${sheet}”${cell}`,
    card: (s) => `项目${s}`, allRules: '全部规则', allSeverities: '全部级别', more: '显示更多',
    ruleTitle: '规则', defaultSeverity: '默认级别', fixable: '可用 convert --fix 自动修复',
    year: '年度', reason: '无法读取：',
  };
  const ICON = { error: '✖', warning: '▲', info: 'ℹ' };
  const RULES = new Map(D.rules.map((r) => [r.id, r]));
  // A unit with its detail (department text, cards, rows, findings): its own data block, parsed
  // the first time the unit is wanted.
  const details = new Map();
  function unit(i) {
    if (!details.has(i)) details.set(i, Object.assign({}, D.units[i], JSON.parse(document.getElementById('jx-u' + i).textContent)));
    return details.get(i);
  }
  const main = document.getElementById('main');

  function unitName(u) {
    return (u.unit && u.unit.name) || baseName(u.path);
  }
  function ruleLink(id) {
    return h('a', { href: '#rule-' + id, class: 'rule' }, id);
  }

  // A horizontal bar chart: each bar labelled with its text and its number, so that it reads
  // without colour. items: {label, value (for the length only), text, href, kind}.
  function barChart(items, title, wide) {
    const row = 40, width = wide ? 1100 : 640, labelY = 15, barY = 20, barH = 14;
    const max = Math.max(1, ...items.map((x) => x.value));
    const height = Math.max(row, items.length * row);
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
    items.forEach((x, k) => {
      const y = k * row;
      const length = Math.max(2, Math.round((x.value / max) * (width - 110)));
      const g = svg('g', { class: 'bar ' + (x.kind || '') },
        svg('text', { x: 0, y: y + labelY, class: 'label' }, x.label),
        svg('rect', { x: 0, y: y + barY, width: length, height: barH }),
        svg('text', { x: length + 6, y: y + barY + barH - 1, class: 'value' }, x.text));
      chart.append(x.href ? svg('a', { href: x.href }, g) : g);
    });
    return h('figure', { class: wide ? 'figure wide' : 'figure' }, h('figcaption', {}, title), chart);
  }

  // The cumulative spending schedule as a step chart, each point labelled with its period and
  // its percentage as written.
  function stepChart(points) {
    const w = 320, hgt = 110, left = 30, top = 14, bottom = 30, plot = hgt - top - bottom;
    const n = points.length, step = (w - left - 10) / Math.max(1, n);
    const chart = svg('svg', { viewBox: `0 0 ${w} ${hgt}`, class: 'steps', role: 'img', 'aria-label': T.schedule });
    chart.append(svg('line', { x1: left, y1: top + plot, x2: w - 5, y2: top + plot, class: 'axis' }),
      svg('line', { x1: left, y1: top, x2: left, y2: top + plot, class: 'axis' }),
      svg('text', { x: left - 4, y: top + 4, class: 'tick' }, '100%'), svg('text', { x: left - 4, y: top + plot, class: 'tick' }, '0'));
    let d = `M${left},${top + plot}`;
    points.forEach((p, k) => {
      const pct = p.percent === null ? null : Math.min(100, Math.max(0, Number(p.percent)));
      const x = left + k * step, x2 = x + step;
      if (pct !== null) {
        const y = top + plot - (pct / 100) * plot;
        d += `V${y}H${x2}`;
        chart.append(svg('text', { x: x + step / 2, y: y - 3, class: 'pct' }, p.text));
      } else {
        chart.append(svg('text', { x: x + step / 2, y: top + plot - 3, class: 'pct' }, p.text || '?'));
      }
      chart.append(svg('text', { x: x + step / 2, y: top + plot + 14, class: 'period' }, p.period));
    });
    chart.prepend(svg('path', { d, class: 'step' }));
    return chart;
  }

  // ---- the overview and the table of units (drawn when the page opens) ----

  let home = null;
  function drawHome() {
    const s = D.summary;
    const kpi = (label, value, sub) => h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, label),
      h('div', { class: 'kpi-value' }, value), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
    const budget = s.budget;
    const overview = h('section', { id: 'overview', class: 'overview' }, h('h1', {}, T.overview),
      h('div', { class: 'kpis' },
        kpi(T.units, String(s.files), s.unreadable ? `${T.unreadable} ${s.unreadable}` : null),
        kpi(T.cards, String(s.cards)),
        kpi(T.budget, budget.total === null ? T.overflow : money(budget.total),
          budget.total === null ? null : [h('span', { 'data-k': 'fiscal' }, `${T.fiscal} ${money(budget.fiscal)}`), ' · ',
            h('span', { 'data-k': 'other' }, `${T.other} ${money(budget.other)}`)]),
        kpi(T.findings, String(s.findings.error + s.findings.warning + s.findings.info),
          ['error', 'warning', 'info'].map((k) => h('span', { class: 'count sev-' + k, 'data-k': k }, `${ICON[k]} ${T[k]} ${s.findings[k]}`)))),
      budget.uncounted ? h('p', { class: 'note' }, T.uncounted(budget.uncounted)) : null);
    overview.querySelectorAll('.kpi-value')[2].setAttribute('data-k', 'budget');

    const charts = h('div', { class: 'charts' });
    if (s.by_rule.length) {
      charts.append(barChart(s.by_rule.map(([id, n]) => {
        const r = RULES.get(id);
        return { label: `${id} ${r ? r.slug + ' — ' + r.title : ''}`, value: n, text: String(n), href: '#findings?rule=' + id, kind: r ? 'sev-' + r.severity : '' };
      }), T.byRule, true));
    } else {
      charts.append(h('p', { class: 'clean' }, T.noFindingsAll));
    }
    charts.append(barChart(['errors', 'warnings', 'clean', 'unreadable'].map((k) => (
      { label: T.status[k], value: s.status[k], text: String(s.status[k]), kind: 'st-' + k })), T.byStatus));
    charts.lastChild.append(h('p', { class: 'note' }, T.statusNote));
    if (s.largest.length) {
      charts.append(barChart(s.largest.map((i) => {
        const u = D.units[i];
        return { label: `${(u.unit && u.unit.code) || ''} ${unitName(u)}`.trim(), value: Number(u.budget.total), text: money(u.budget.total), href: '#u' + i };
      }), T.largest));
    }
    overview.append(charts);
    const bad = D.units.map((u, i) => [u, i]).filter(([u]) => u.error);
    if (bad.length) {
      overview.append(h('h2', {}, T.unreadableFiles), h('ul', { class: 'unreadable-list' },
        bad.map(([u, i]) => h('li', {}, h('a', { href: '#u' + i }, u.path), '：', h('span', { class: 'reason' }, u.error)))));
    }
    home = h('div', { id: 'home' }, overview, drawTable());
  }

  const STATUS_ORDER = { clean: 0, warnings: 1, errors: 2, unreadable: 3 };
  const COLUMNS = [
    ['code', (u) => (u.unit && u.unit.code) || '', (a, b) => (a < b ? -1 : a > b ? 1 : 0)],
    ['name', unitName, (a, b) => a.localeCompare(b, 'zh-CN')],
    ['file', (u) => u.path, (a, b) => (a < b ? -1 : a > b ? 1 : 0)],
    ['cards', (u) => u.cards, (a, b) => a - b],
    ['budget', (u) => (u.error ? null : u.budget.total), decimalCompare],
    ['error', (u) => u.counts.error, (a, b) => a - b],
    ['warning', (u) => u.counts.warning, (a, b) => a - b],
    ['info', (u) => u.counts.info, (a, b) => a - b],
    ['status', (u) => STATUS_ORDER[u.status], (a, b) => a - b],
  ];

  function drawTable() {
    const rows = D.units.map((u, i) => h('tr', { 'data-unit': i, class: 'st-' + u.status },
      h('td', { 'data-k': 'code' }, (u.unit && u.unit.code) || ''),
      h('td', { 'data-k': 'name' }, h('a', { href: '#u' + i }, unitName(u)),
        u.error ? h('div', { class: 'reason' }, T.reason + u.error) : null),
      h('td', { 'data-k': 'file', class: 'path' }, u.path),
      h('td', { 'data-k': 'cards', class: 'num' }, String(u.cards)),
      h('td', { 'data-k': 'budget', class: 'num' }, u.error ? '' : money(u.budget.total)),
      h('td', { 'data-k': 'error', class: 'num' }, String(u.counts.error)),
      h('td', { 'data-k': 'warning', class: 'num' }, String(u.counts.warning)),
      h('td', { 'data-k': 'info', class: 'num' }, String(u.counts.info)),
      h('td', { 'data-k': 'status' }, h('span', { class: 'badge st-' + u.status }, T.status[u.status]))));
    const tbody = h('tbody', {}, rows);
    let order = D.units.map((_, i) => i), sortKey = null, ascending = true;
    const heads = COLUMNS.map(([key]) => h('th', { scope: 'col', 'data-k': key, 'aria-sort': 'none' },
      h('button', { type: 'button', class: 'sort' }, T.col[key])));
    const text = h('input', { type: 'search', id: 'unit-filter', placeholder: T.filterText, 'aria-label': T.filterText });
    const status = h('select', { id: 'status-filter', 'aria-label': T.col.status },
      h('option', { value: '' }, T.allStatus), ['clean', 'warnings', 'errors', 'unreadable'].map((k) => h('option', { value: k }, T.status[k])));
    const shown = h('span', { class: 'shown', id: 'units-shown' });
    function apply() {
      const q = text.value.trim().toLowerCase(), st = status.value;
      let n = 0;
      const frag = document.createDocumentFragment();
      for (const i of order) {
        const u = D.units[i];
        const hay = `${(u.unit && u.unit.code) || ''} ${unitName(u)} ${u.path}`.toLowerCase();
        const visible = (!q || hay.includes(q)) && (!st || u.status === st);
        rows[i].hidden = !visible;
        if (visible) ++n;
        frag.append(rows[i]);
      }
      tbody.append(frag);
      shown.textContent = T.shown(n, D.units.length);
    }
    heads.forEach((th, c) => th.firstChild.addEventListener('click', () => {
      ascending = sortKey === c ? !ascending : true;
      sortKey = c;
      const [, key, cmp] = COLUMNS[c];
      const keys = D.units.map(key);
      order = D.units.map((_, i) => i).sort((a, b) => (ascending ? 1 : -1) * cmp(keys[a], keys[b]) || a - b);
      heads.forEach((x, k) => x.setAttribute('aria-sort', k === c ? (ascending ? 'ascending' : 'descending') : 'none'));
      apply();
    }));
    text.addEventListener('input', apply);
    status.addEventListener('change', apply);
    apply();
    return h('section', { id: 'units' }, h('h2', {}, T.units),
      h('div', { class: 'filters' }, text, status, shown),
      h('table', { class: 'units', id: 'units-table' }, h('thead', {}, h('tr', {}, heads)), tbody));
  }

  // ---- a unit's section (drawn when opened) ----

  function findingEl(i, k, f, withPlace) {
    const [rule, sev, message, seq, table, row, , sheet, cell] = f;
    // A workbook's cell is named even beside its row: it is what a person looks for in Excel.
    const where = sheet ? T.cell(sheet, cell) : '';
    const place = withPlace ? [seq ? T.card(seq) + ' ' : '', T.place(table, row), where ? ' ' + where : ''].join('').trim() : where;
    return h('div', { class: 'finding sev-' + sev, id: `u${i}-f${k}`, 'data-rule': rule, 'data-severity': sev },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[sev]), ' ', h('span', { class: 'sev' }, T[sev]), ' ',
      ruleLink(rule), ' ', place ? h('span', { class: 'place' }, place + ' ') : null, h('span', { class: 'msg' }, message));
  }

  function textField(label, value) {
    return [h('dt', {}, label), h('dd', { class: value === null ? 'absent' : '' }, value === null ? T.absent : value)];
  }

  // The other forms' columns that any of the rows has, after the reference form's six.
  const OTHER_COLUMNS = ['term', 'nature', 'measure_unit', 'weight', 'explanation', 'scoring', 'note'];
  const TERMS = { annual: N('annual_indicators'), long_term: N('long_term_indicators') };
  const cellOf = (r, k) => (k === 'weight' ? r.weight && r.weight.text : k === 'term' ? TERMS[r.term] || r.term : r[k]);

  function indicatorTable(i, p, byRow) {
    if (!p.indicators.length) return h('p', { class: 'note' }, T.noIndicators);
    const extra = OTHER_COLUMNS.filter((k) => p.indicators.some((r) => r[k] !== null && r[k] !== undefined));
    const body = h('tbody');
    // 一级 and 二级 cells merged over the rows that repeat them, as the documents draw them.
    const rows = p.indicators, levels = ['level1', 'level2'];
    const span = (level, k) => {
      let n = 1;
      while (k + n < rows.length && rows[k + n][levels[level]] === rows[k][levels[level]] &&
             (level === 0 || rows[k + n].level1 === rows[k].level1)) ++n;
      return n;
    };
    let left = [0, 0];
    rows.forEach((r, k) => {
      const key = r.at.table + '-' + r.at.row;
      const found = byRow.get(key) || [];
      const worst = found.some(([, f]) => f[1] === 'error') ? 'error' : found.some(([, f]) => f[1] === 'warning') ? 'warning' : found.length ? 'info' : '';
      const tr = h('tr', { id: `u${i}-t${r.at.table}-r${r.at.row}`, 'data-table': r.at.table, 'data-row': r.at.row, class: worst ? 'has-' + worst : null });
      for (const level of [0, 1]) {
        if (left[level] === 0) {
          left[level] = span(level, k);
          tr.append(h('td', { rowspan: left[level] > 1 ? left[level] : null, class: 'lv' }, r[levels[level]]));
        }
        --left[level];
      }
      tr.append(h('td', {}, r.level3), h('td', {}, r.description), h('td', { class: 'value' }, r.value.text), h('td', {}, r.basis),
        ...extra.map((k) => h('td', { 'data-k': k }, cellOf(r, k) || '')),
        h('td', { class: 'found' }, found.map(([k2, f]) => findingEl(i, k2, f, false))));
      body.append(tr);
    });
    return h('table', { class: 'indicators' }, h('thead', {}, h('tr', {}, [...['level1', 'level2', 'level3', 'description', 'value', 'basis', ...extra].map((k) => N(k)), T.findingsCol].map((x) => h('th', { scope: 'col' }, x)))), body);
  }

  // The fields only the other forms have, where the card has them; and another form's money
  // lines, each with the label it was written with.
  function otherFields(p) {
    const a = p.authority, c = p.contact;
    const fields = [['authority_name', a && a.name], ['authority_code', a && a.code], ['implementer', p.implementer],
      ['attribute', p.attribute], ['category', p.category], ['period', p.period && p.period.text],
      ['contact_person', c && c.person], ['contact_phone', c && c.phone]];
    const out = fields.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => textField(N(k), v));
    const lines = p.budget.items;
    if (out.length || lines.length > 3) {
      out.push(h('dt', {}, T.moneyLines), h('dd', {}, h('table', { class: 'money-lines' }, h('tbody', {},
        lines.map((x) => h('tr', {}, h('th', { scope: 'row' }, x.label), h('td', { class: 'num' }, x.text + (p.amount_unit ? ' ' + p.amount_unit : ''))))))));
    }
    if (p.long_term_goals !== null)
      out.push(h('dt', {}, N('long_term_goals')), h('dd', {}, h('ol', { class: 'goals' }, p.long_term_goals.map((g) => h('li', {}, g)))));
    return out.flat();
  }

  function card(i, u, p, byCard, byRow) {
    const found = byCard.get(p.seq) || [];
    const amount = (x) => (x === null ? T.absent : x + (p.amount_unit ? ' ' + p.amount_unit : ''));
    const sec = h('section', { class: 'card', id: `u${i}-p${p.seq}`, 'data-seq': p.seq },
      h('h3', {}, p.heading ? p.heading.number + p.heading.text : `${T.card(p.seq)} ${p.name || ''}`));
    if (found.length) sec.append(h('div', { class: 'card-findings' }, h('h4', {}, T.cardFindings), found.map(([k, f]) => findingEl(i, k, f, true))));
    sec.append(h('dl', { class: 'fields' },
      textField(N('code'), p.code), textField(N('name'), p.name),
      h('dt', {}, N('total')), h('dd', { class: 'amounts' }, h('span', { 'data-k': 'total' }, amount(p.budget.written.total)),
        h('span', {}, `${N('fiscal')} `, h('span', { 'data-k': 'fiscal' }, amount(p.budget.written.fiscal))),
        h('span', {}, `${N('other')} `, h('span', { 'data-k': 'other' }, amount(p.budget.written.other)))),
      textField(N('purpose'), p.purpose),
      h('dt', {}, T.schedule), h('dd', {}, p.schedule.length ? stepChart(p.schedule) : T.absent),
      h('dt', {}, N('goals')), h('dd', {}, p.goals === null ? T.absent : h('ol', { class: 'goals' }, p.goals.map((g) => h('li', {}, g)))),
      otherFields(p)));
    sec.append(indicatorTable(i, p, byRow));
    return sec;
  }

  function unitSection(i) {
    const u = unit(i);
    const sec = h('section', { class: 'unit', id: 'u' + i, 'data-unit': i },
      h('h2', {}, `${(u.unit && u.unit.code) || ''} ${unitName(u)}`.trim()),
      h('p', { class: 'meta' }, `${T.file}: `, h('span', { class: 'path' }, u.path),
        u.year ? ` · ${T.year} ${u.year}` : '', ` · ${T.cards} ${u.cards}`,
        u.error ? '' : ` · ${T.col.budget} ${money(u.budget.total)}`, ' · ',
        ['error', 'warning', 'info'].map((k) => h('span', { class: 'count sev-' + k, 'data-k': k }, `${ICON[k]} ${T[k]} ${u.counts[k]} `))),
      u.converted_from ? h('p', { class: 'note' }, T.converted(u.converted_from)) : null);
    if (u.error) {
      sec.append(h('p', { class: 'reason' }, T.reason + u.error));
      return sec;
    }
    // Each finding goes on the indicator row it names, else above its card, else above all.
    const rows = new Set(), seqs = new Set(u.projects.map((p) => p.seq));
    for (const p of [...u.projects, u.department]) for (const r of p.indicators) rows.add(r.at.table + '-' + r.at.row);
    const byRow = new Map(), byCard = new Map(), whole = [];
    const put = (map, key, x) => (map.get(key) || map.set(key, []).get(key)).push(x);
    u.findings.forEach((f, k) => {
      const key = f[4] + '-' + f[5];
      if (f[5] && rows.has(key)) put(byRow, key, [k, f]);
      else if (seqs.has(f[3])) put(byCard, f[3], [k, f]);
      else whole.push([k, f]);
    });
    if (!u.findings.length) sec.append(h('p', { class: 'clean' }, '✔ ' + T.noFindings));
    if (whole.length) sec.append(h('div', { class: 'doc-findings' }, h('h3', {}, T.docFindings), whole.map(([k, f]) => findingEl(i, k, f, true))));
    const d = u.department;
    sec.append(h('h3', {}, T.dept), h('dl', { class: 'fields dept' },
      d.name !== null ? textField(N('department_name'), d.name) : null, d.duties !== null ? textField(N('duties'), d.duties) : null,
      textField(N('overall_goal'), d.overall_goal), textField(N('sub_goals'), d.sub_goals), textField(N('safeguards'), d.safeguards)));
    if (d.indicators.length) sec.append(indicatorTable(i, d, byRow));
    for (const p of u.projects) sec.append(card(i, u, p, byCard, byRow));
    return sec;
  }

  // ---- the findings over the whole county ----

  let all = null;
  function drawFindings(rule, severity) {
    if (!all) {
      all = [];
      D.units.forEach((_, i) => unit(i).findings.forEach((f, k) => all.push([i, k, f])));
    }
    const ruleSel = h('select', { id: 'rule-filter', 'aria-label': T.ruleTitle }, h('option', { value: '' }, T.allRules),
      D.summary.by_rule.map(([id, n]) => h('option', { value: id }, `${id} ${RULES.get(id) ? RULES.get(id).slug : ''} (${n})`)));
    const sevSel = h('select', { id: 'severity-filter', 'aria-label': T.defaultSeverity }, h('option', { value: '' }, T.allSeverities),
      ['error', 'warning', 'info'].map((k) => h('option', { value: k }, T[k])));
    ruleSel.value = rule || '';
    sevSel.value = severity || '';
    const list = h('ol', { class: 'findings', id: 'findings-list' });
    const shown = h('span', { class: 'shown', id: 'findings-shown' });
    const more = h('button', { type: 'button', id: 'more' }, T.more);
    let matching = [], drawn = 0;
    function page() {
      const frag = document.createDocumentFragment();
      for (const [i, k, f] of matching.slice(drawn, drawn + 500)) {
        const u = D.units[i];
        frag.append(h('li', { 'data-unit': i, 'data-rule': f[0], 'data-severity': f[1] },
          h('a', { href: `#u${i}-f${k}`, class: 'unit-link' }, unitName(u)), ' ', findingEl(i, k, f, true)));
      }
      drawn = Math.min(matching.length, drawn + 500);
      list.append(frag);
      more.hidden = drawn >= matching.length;
      shown.textContent = T.shown(drawn, matching.length);
    }
    function apply() {
      const r = ruleSel.value, s = sevSel.value;
      matching = all.filter(([, , f]) => (!r || f[0] === r) && (!s || f[1] === s));
      list.replaceChildren();
      drawn = 0;
      page();
    }
    ruleSel.addEventListener('change', apply);
    sevSel.addEventListener('change', apply);
    more.addEventListener('click', page);
    apply();
    return h('section', { id: 'findings' }, h('h1', {}, T.findingsTab), h('div', { class: 'filters' }, ruleSel, sevSel, shown), list, more);
  }

  function ruleSection(id) {
    const r = RULES.get(id);
    if (!r) return h('p', {}, id);
    return h('section', { class: 'rule-doc', id: 'rule' }, h('h1', {}, `${r.id} ${r.slug}`), h('p', { class: 'title' }, r.title),
      h('p', { class: 'meta' }, `${T.defaultSeverity}: ${ICON[r.severity]} ${T[r.severity]}`, r.fixable ? ` · ${T.fixable}` : ''),
      h('pre', { class: 'explain' }, r.explanation));
  }

  // ---- views, chosen by the address's fragment ----

  // Shows a view, laid out (the time it took is the measure "jx-view-drawn"), then says so.
  function show(view, drawn, focus, started) {
    main.replaceChildren(view);
    void main.offsetHeight;
    performance.measure('jx-view-drawn', { start: started });
    document.documentElement.setAttribute('data-drawn', drawn);
    if (focus) {
      const el = document.getElementById(focus);
      if (el) {
        el.classList.add('target');
        el.scrollIntoView({ block: 'center' });
      }
    } else {
      window.scrollTo(0, 0);
    }
  }
  function printButton() {
    const b = h('button', { type: 'button', class: 'print' }, T.print);
    b.addEventListener('click', () => window.print());
    return b;
  }
  function route() {
    const started = performance.now();
    const hash = decodeURIComponent(location.hash.slice(1));
    let m;
    if ((m = /^u(\d+)(?:-(f\d+|p\d+|t\d+-r\d+))?$/.exec(hash)) && D.units[+m[1]]) {
      const i = +m[1];
      show(h('div', { id: 'unit-view' }, h('p', { class: 'tools' }, h('a', { href: '#' }, T.back), ' ', printButton()), unitSection(i)),
        'unit', m[2] ? `u${i}-${m[2]}` : null, started);
    } else if ((m = /^findings(?:\?rule=(JX\d+))?(?:[?&]severity=(\w+))?$/.exec(hash))) {
      show(drawFindings(m[1], m[2]), 'findings', null, started);
    } else if ((m = /^rule-(JX\d+)$/.exec(hash))) {
      show(ruleSection(m[1]), 'rule', null, started);
    } else if (hash === 'all') {
      show(h('div', { id: 'all-units' }, h('p', { class: 'tools' }, h('a', { href: '#' }, T.back), ' ', printButton()),
        D.units.map((_, i) => unitSection(i))), 'all', null, started);
    } else {
      if (!home) drawHome();
      show(home, 'overview', null, started);
      // From the start of navigation: reading the file, parsing the data, drawing, layout.
      if (!performance.getEntriesByName('jx-overview-drawn').length) performance.mark('jx-overview-drawn');
    }
  }

  document.getElementById('nav').append(h('a', { href: '#' }, T.overview), h('a', { href: '#findings' }, T.findingsTab),
    h('a', { href: '#all' }, T.printAll));
  window.addEventListener('hashchange', route);
  route();
})();
