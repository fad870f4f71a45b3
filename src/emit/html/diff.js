// The diff page's script (jixiao diff --format html): drawn from its data block (#jx-diff,
// "jixiao.diff/1", schemas/diff.schema.json). Each document is a row that opens onto its
// changes, old and new side by side with removed and added words marked; a document's changes
// are drawn when it is opened.
(function () {
  const { h, money, name } = JX;
  const D = JSON.parse(document.getElementById('jx-diff').textContent);
  const EN = D.lang === 'en';
  const T = EN ? {
    title: 'What changed', documents: 'Documents', projects: 'Projects', changes: 'Changes', flagged: (t) => `budget changes above ${t}%`,
    status: { changed: 'changed', unchanged: 'unchanged', added: 'added', removed: 'removed', unreadable: 'unreadable' },
    added: 'added', removed: 'removed', changedP: 'changed', filterText: 'Filter: code, name or file', allStatus: 'every status',
    onlyFlagged: 'only documents with a flagged budget change', where: 'Where', what: 'Change', old: 'Old', new: 'New',
    doc: 'document', project: (p) => `project ${p.seq} ${p.code || ''}`, row: (t, r) => `table ${t} row ${r}`,
    shown: (n, all) => `${n} of ${all} shown`, none: '(none)', above: (t) => `above ${t}%`, noChange: 'No change.',
    kinds: {},
  } : {
    title: '版本比较', documents: '文件', projects: '项目', changes: '改动', flagged: (t) => `预算变动超过 ${t}%`,
    status: { changed: '有变更', unchanged: '未变', added: '新增', removed: '删除', unreadable: '无法读取' },
    added: '新增', removed: '删除', changedP: '变更', filterText: '筛选：编码、名称或文件', allStatus: '全部状态',
    onlyFlagged: '只看预算变动超过阈值的文件', where: '位置', what: '改动', old: '原', new: '新',
    doc: '文件', project: (p) => `项目${p.seq} ${p.code || ''}`, row: (t, r) => `表${t} 第${r}行`,
    shown: (n, all) => `显示 ${n} / ${all}`, none: '（无）', above: (t) => `超过 ${t}%`, noChange: '没有改动。',
    kinds: {
      unit: '单位', year: '年度', department: '部门目标', 'project-added': '新增项目', 'project-removed': '删除项目',
      'project-recoded': name('code').zh, 'project-renamed': name('name').zh, budget: '预算',
      'amount-unit': name('amount_unit').zh, purpose: name('purpose').zh, schedule: name('schedule').zh, 'goal-added': '新增绩效目标', 'goal-removed': '删除绩效目标',
      'indicator-added': '新增指标', 'indicator-removed': '删除指标', 'indicator-changed': '指标',
      card: '项目信息', 'long-term-goal-added': '新增长期目标', 'long-term-goal-removed': '删除长期目标',
    },
  };
  // A change's field: the key on an English page; else the vocabulary's name, a unit's code and
  // name told from a project's.
  function field(c) {
    if (EN) return c.field;
    const ofUnit = c.kind === 'unit' && (c.field === 'code' || c.field === 'name');
    return name(ofUnit ? 'unit_' + c.field : c.field).zh;
  }
  const S = D.summary;
  const main = document.getElementById('main');

  // Where a change is, in both versions: said once where they agree.
  function where(c) {
    const one = (at) => (at ? [at.project ? T.project(at.project).trim() : T.doc, at.row ? T.row(at.table, at.row) : ''] : null);
    const o = one(c.at.old), n = one(c.at.new);
    if (!o || !n) return (o || n).join(' ').trim();
    return [o[0] === n[0] ? o[0] : `${o[0]} → ${n[0]}`,
      o[1] === n[1] ? o[1] : `${o[1] || '—'} → ${n[1] || '—'}`].join(' ').trim();
  }
  // One side of a text change: its kept words and, marked, the words only this side has.
  function side(c, which) {
    const text = which === 'old' ? c.old : c.new;
    if (text === null) return h('span', { class: 'absent' }, T.none);
    if (!c.segments) return h('span', { class: which === 'old' ? 'del' : 'ins' }, text);
    const mark = which === 'old' ? '-' : '+';
    return h('span', {}, c.segments.filter(([op]) => op === '=' || op === mark)
      .map(([op, t]) => (op === '=' ? t : h(which === 'old' ? 'del' : 'ins', {}, t))));
  }
  function changeRow(c) {
    const kind = T.kinds[c.kind] || c.kind, named = c.field ? field(c) : '';
    let what = kind + (named && named !== kind ? ' · ' + named : '');
    const extra = c.kind === 'budget' && c.difference !== null
      ? h('div', { class: 'delta' }, (c.difference[0] === '-' ? '' : '+') + money(c.difference) +
          (c.percent !== null ? `（${c.percent[0] === '-' ? '' : '+'}${c.percent}%）` : ''),
      c.flagged ? h('span', { class: 'flag' }, ' ⚠ ' + T.above(D.threshold)) : null) : null;
    return h('tr', { class: 'change k-' + c.kind + (c.flagged ? ' flagged' : ''), 'data-kind': c.kind, 'data-field': c.field || '' },
      h('td', { class: 'where' }, where(c)),
      h('td', {}, what, extra), h('td', { class: 'old' }, side(c, 'old')), h('td', { class: 'new' }, side(c, 'new')));
  }
  function changesTable(d) {
    if (d.error) return h('p', { class: 'reason' }, d.error);
    if (!d.changes.length) return h('p', { class: 'note' }, d.status === 'unchanged' ? T.noChange : '');
    return h('table', { class: 'changes' }, h('thead', {}, h('tr', {}, [T.where, T.what, T.old, T.new].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, d.changes.map(changeRow)));
  }
  function docEntry(d, i) {
    const flagged = d.changes.filter((c) => c.flagged).length;
    const unit = d.unit ? `${d.unit.code} ${d.unit.name}`.trim() : '';
    const entry = h('details', { class: 'doc st-' + d.status, id: 'd' + i, 'data-status': d.status, 'data-flagged': flagged },
      h('summary', {}, h('span', { class: 'badge st-' + d.status }, T.status[d.status]), ' ', h('strong', {}, unit), ' ',
        h('span', { class: 'path' }, d.old && d.new ? `${d.old} → ${d.new}` : d.old || d.new), ' ',
        d.changes.length ? h('span', { class: 'count' }, `${T.changes} ${d.changes.length}`) : null,
        flagged ? h('span', { class: 'flag' }, ` ⚠ ${flagged}`) : null));
    let drawn = false;
    draw[i] = () => {
      if (!drawn) entry.append(changesTable(d));
      drawn = true;
    };
    entry.addEventListener('toggle', () => entry.open && draw[i]());
    return entry;
  }

  const kpi = (label, value, sub) => h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, value), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
  const draw = [];
  const entries = D.documents.map(docEntry);
  const text = h('input', { type: 'search', id: 'doc-filter', placeholder: T.filterText, 'aria-label': T.filterText });
  const status = h('select', { id: 'status-filter', 'aria-label': T.allStatus }, h('option', { value: '' }, T.allStatus),
    Object.keys(T.status).map((k) => h('option', { value: k }, T.status[k])));
  const flaggedOnly = h('input', { type: 'checkbox', id: 'flagged-only' });
  const shown = h('span', { class: 'shown', id: 'docs-shown' });
  function apply() {
    const q = text.value.trim().toLowerCase();
    let n = 0;
    D.documents.forEach((d, i) => {
      const hay = `${d.unit ? d.unit.code + ' ' + d.unit.name : ''} ${d.old || ''} ${d.new || ''}`.toLowerCase();
      const visible = (!q || hay.includes(q)) && (!status.value || d.status === status.value) &&
        (!flaggedOnly.checked || entries[i].dataset.flagged !== '0');
      entries[i].hidden = !visible;
      if (visible) ++n;
    });
    shown.textContent = T.shown(n, D.documents.length);
  }
  text.addEventListener('input', apply);
  status.addEventListener('change', apply);
  flaggedOnly.addEventListener('change', apply);
  apply();
  main.replaceChildren(h('section', { id: 'diff' }, h('h1', {}, T.title), h('p', { class: 'meta' }, h('span', { class: 'path' }, D.old), ' → ', h('span', { class: 'path' }, D.new)),
    h('div', { class: 'kpis' },
      kpi(T.documents, String(S.documents), ['changed', 'added', 'removed', 'unchanged', 'unreadable'].map((k) =>
        h('span', { 'data-k': k }, `${T.status[k]} ${S[k]}`))),
      kpi(T.projects, String(S.projects_added + S.projects_removed + S.projects_changed), [
        h('span', { 'data-k': 'projects_added' }, `${T.added} ${S.projects_added}`),
        h('span', { 'data-k': 'projects_removed' }, `${T.removed} ${S.projects_removed}`),
        h('span', { 'data-k': 'projects_changed' }, `${T.changedP} ${S.projects_changed}`)]),
      kpi(T.changes, String(S.changes), h('span', { 'data-k': 'flagged' }, `${T.flagged(D.threshold)}: ${S.flagged}`))),
    h('div', { class: 'filters' }, text, status, h('label', {}, flaggedOnly, ' ', T.onlyFlagged), shown),
    h('div', { class: 'docs' }, entries)));
  // A short run opens every changed document at once.
  if (D.documents.length <= 20)
    entries.forEach((e, i) => {
      if (D.documents[i].status !== 'unchanged') {
        draw[i]();
        e.open = true;
      }
    });
  document.documentElement.setAttribute('data-drawn', 'diff');
})();
